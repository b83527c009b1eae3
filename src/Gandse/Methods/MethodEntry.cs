namespace Gandse.Methods;

/// <summary>
/// One registered method: its name (as <c>compare.methods</c> and reports spell it), what it is, whether it
/// trains before answering (and so is charged training time), and how it is built for a seed.
/// </summary>
public sealed record MethodEntry(string Name, string Description, bool Trains, Func<MethodContext, IMethod> Build);
