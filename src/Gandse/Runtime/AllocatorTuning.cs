using System.Runtime.InteropServices;

namespace Gandse.Runtime;

/// <summary>
/// Keeps glibc from returning large tensor buffers to the kernel after every free. libtorch's CPU allocator is
/// plain malloc; by default glibc serves blocks above 128 KB–32 MB with fresh mmap pages and unmaps them on
/// free, so every large temporary costs a page fault per 4 KB. Raising the mmap and trim thresholds lets freed
/// buffers be reused warm, as PyTorch users get from jemalloc or tcmalloc. A no-op off glibc.
/// </summary>
public static partial class AllocatorTuning
{
    private const int MallocTrimThreshold = -1;
    private const int MallocMmapThreshold = -3;

    private static int _applied;

    /// <summary>Raises glibc's mmap and trim thresholds, once per process, so freed tensor buffers are reused warm; a no-op off glibc.</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _applied, 1) == 1 || !OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            Mallopt(MallocMmapThreshold, 1 << 30);
            Mallopt(MallocTrimThreshold, int.MaxValue);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, say): nothing to tune.
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
