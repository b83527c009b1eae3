using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Build;

public class TorchSharpLoadsTests
{
    [Fact]
    public void Torch_loads_and_computes_on_the_cpu()
    {
        using Tensor a = tensor(new[] { 1.0, 2.0, 3.0 }, ScalarType.Float64);
        using Tensor b = a.matmul(a);

        Assert.Equal(14.0, b.item<double>());
        Assert.Equal(DeviceType.CPU, b.device_type);
    }

    [Fact]
    public void The_copied_native_library_no_longer_demands_glibcxx_3_4_32_where_the_system_lacks_it()
    {
        // Built for linux-x64 alone (Directory.Build.props), the natives sit beside the assemblies.
        string library = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        Assert.True(File.Exists(library), $"expected the native library at {library}");

        bool systemHasIt = new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib64/libstdc++.so.6" }
            .Any(p => File.Exists(p) && System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(p)).Contains("GLIBCXX_3.4.32\0"));
        if (!systemHasIt)
        {
            Assert.True(ElfVersionNeeds.IsWeak(library, "GLIBCXX_3.4.32"));
        }
    }

    [Fact]
    public void The_output_holds_no_natives_of_other_platforms()
    {
        string runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        string[] foreign = Directory.Exists(runtimes) ? Directory.GetDirectories(runtimes).Select(Path.GetFileName).OfType<string>().ToArray() : Array.Empty<string>();

        Assert.True(foreign.Length == 0, $"native folders of other platforms in the output: {string.Join(", ", foreign)}");
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "libtorch_cpu.so")));
    }
}
