using Gandse.Simulators.Maestro;

namespace Gandse.Tests.Simulators;

/// <summary>A test that runs the real MAESTRO: skipped, with the reason, unless GANDSE_MAESTRO names its binary. CI builds it, sets it and fails on a skip.</summary>
public sealed class MaestroFactAttribute : FactAttribute
{
    public MaestroFactAttribute()
    {
        if (MaestroInstallation.Configured(null) is null)
        {
            Skip = $"{MaestroInstallation.BinaryVariable} is not set (build MAESTRO with ../shared/tools/build-maestro.sh DIR and point it at DIR/maestro; .ci/run does)";
        }
    }
}
