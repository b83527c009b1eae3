using Gandse.Workloads;

namespace Gandse.Tasks.Maestro;

/// <summary>One row of the AIrchitect-v2 dataset: a layer in MAESTRO's form, its dataflow (index into dla, eye, shi), the labelled ConfigID and its runtime.</summary>
public sealed record AirchitectRow(int Line, ConvShape Layer, int Dataflow, int ConfigId, long Reward);
