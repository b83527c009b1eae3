namespace Gandse.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed that the input did not cause.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an unknown or malformed token, a missing file.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C (SIGINT), after keeping what was done: 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (a scheduler's time limit, <c>kill</c>), after keeping what was done: 128 + 15.</summary>
    public const int Terminated = 143;
}
