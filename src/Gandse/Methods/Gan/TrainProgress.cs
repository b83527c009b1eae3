namespace Gandse.Methods.Gan;

/// <summary>A progress report: the phase (dataset, surrogate, gan), how far it is, and the latest numbers.</summary>
public sealed record TrainProgress(string Phase, int Done, int Total, double? DiscriminatorLoss = null, double? GeneratorLoss = null, ValidationScore? Validation = null);
