using Gandse.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>Validation during training (the val split answered as users would be, logged) and histograms of generated designs.</summary>
internal static class GanValidation
{
    internal static ValidationScore Validate(IValidator validator, TrainingState state, RunDirectory run, Dictionary<string, double> row, int step)
    {
        using IDisposable scope = NewDisposeScope();
        var method = new GanMethod(state.Task, state.Networks, state.Config.Seed + 1, state.Config.Generate.Temperature, state.Config.Generate.SlotTemperature);
        ValidationScore summary = validator.Validate(state.Task, method, state.ValQueries, state.Config.Generate.Candidates, state.Config.Generate.CompleteMappings);
        foreach ((string name, double value) in new[]
        {
            ("feasible_rate", summary.FeasibleRate), ("quality", summary.Quality), ("exact_match", summary.ExactMatch), ("score", summary.Score),
        })
        {
            run.Writer.add_scalar($"val/{name}", (float)value, step);
            row[$"val_{name}"] = value;
        }

        return summary;
    }

    internal static void LogHistograms(TrainingState state, RunDirectory run, int step)
    {
        using IDisposable scope = NewDisposeScope();
        var method = new GanMethod(state.Task, state.Networks, state.Config.Seed + 2);
        Tensor designs = method.Propose(state.ValQueries.Select(q => q.Condition).ToList(), 16).reshape(-1, state.Blocks.Length);
        for (int p = 0; p < state.Blocks.Length; p++)
        {
            run.Writer.add_histogram($"generated/{state.Task.Space.Parameters[p].Name}", designs.select(-1, p).to_type(ScalarType.Float32), step);
        }
    }
}
