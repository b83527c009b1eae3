namespace Gandse;

/// <summary>
/// Bad input from a user: a token that cannot be parsed or lies outside what is allowed. The message is one
/// line naming the bad token and what is allowed; the CLI prints it and exits with code 2.
/// </summary>
public sealed class UsageException : Exception
{
    /// <summary>A usage error with the one line to show the user.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
