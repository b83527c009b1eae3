using Gandse.Conditions;
using TorchSharp;

namespace Gandse.Methods;

/// <summary>A way of proposing designs for queries. The harness knows nothing else about a method.</summary>
public interface IMethod
{
    /// <summary>The method's name, as configs and reports spell it.</summary>
    string Name { get; }

    /// <summary>Candidate designs for each condition: [Q, candidates, P] choice indices.</summary>
    torch.Tensor Propose(IReadOnlyList<Condition> conditions, int candidates);
}
