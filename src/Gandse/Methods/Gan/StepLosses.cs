using Gandse.Runs;

namespace Gandse.Methods.Gan;

/// <summary>One GAN step's losses and temperature, logged to TensorBoard and the metrics row.</summary>
internal sealed record StepLosses(double Tau, double Discriminator, double Generator, double Adversarial, double Objective, double Constraint, double Supervised, double Mapping)
{
    public void Log(RunDirectory run, Dictionary<string, double> row, int step)
    {
        foreach ((string name, double value) in new[]
        {
            ("discriminator", Discriminator), ("generator", Generator), ("adversarial", Adversarial), ("objective", Objective), ("constraint", Constraint),
            ("supervised", Supervised), ("mapping", Mapping),
        })
        {
            run.Writer.add_scalar($"losses/{name}", (float)value, step);
            row[$"loss_{name}"] = value;
        }

        run.Writer.add_scalar("charts/tau", (float)Tau, step);
        row["tau"] = Tau;
    }
}
