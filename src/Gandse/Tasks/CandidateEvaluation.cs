using Gandse.Tensors;
using TorchSharp;

namespace Gandse.Tasks;

/// <summary>Exact metrics of candidates [Q, N]: one tensor per metric, whether each meets every constraint, and by how much it misses.</summary>
public sealed record CandidateEvaluation(ValueBatch Metrics, torch.Tensor Feasible, torch.Tensor Violation);
