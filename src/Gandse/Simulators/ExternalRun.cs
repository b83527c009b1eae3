namespace Gandse.Simulators;

/// <summary>One program to run in a case's folder: executable, arguments and extra environment variables.</summary>
public sealed record ExternalRun(string Executable, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment);
