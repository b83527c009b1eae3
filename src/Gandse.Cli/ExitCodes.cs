namespace Gandse.Cli;

public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something failed that the input did not cause.</summary>
    public const int Failure = 1;

    /// <summary>Bad input: an unknown or malformed token, a missing file.</summary>
    public const int Usage = 2;
}
