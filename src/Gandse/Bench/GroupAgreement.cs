namespace Gandse.Bench;

/// <summary>Whether, in one group (same layer and bandwidth), the model's fastest design is the simulator's.</summary>
public sealed record GroupAgreement(int Group, string Layer, long Bandwidth, int Designs, bool Agrees, double Regret);
