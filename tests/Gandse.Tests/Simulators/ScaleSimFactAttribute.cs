using Gandse.Simulators.ScaleSim;

namespace Gandse.Tests.Simulators;

/// <summary>A test that runs the real SCALE-Sim v2: skipped, with the reason, unless GANDSE_SCALESIM names it. CI sets it and fails on a skip.</summary>
public sealed class ScaleSimFactAttribute : FactAttribute
{
    public ScaleSimFactAttribute()
    {
        if (ScaleSimInstallation.Configured(null) is null)
        {
            Skip = $"{ScaleSimInstallation.FolderVariable} is not set (point it at ../shared/third_party/scale-sim-v2; .ci/run does)";
        }
    }
}
