using Gandse.Cli;

return GandseCli.Run(args, Console.Out, Console.Error);
