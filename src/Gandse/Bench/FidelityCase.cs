using Gandse.CostModels.Systolic;
using Gandse.Workloads;

namespace Gandse.Bench;

/// <summary>One fidelity case: a layer, a design and a bandwidth; cases of one group share the layer and bandwidth.</summary>
public sealed record FidelityCase(int Group, string Source, Gemm Gemm, SystolicHardware Hardware, long Bandwidth);
