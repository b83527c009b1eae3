using Gandse.Config;
using Gandse.Methods.Gan;
using Gandse.Tasks;
using Gandse.Workloads;
using TorchSharp;
using static TorchSharp.torch;

namespace Gandse.Tests.Methods.Gan;

public class DesignGeneratorTests
{
    private const int Batch = 16;

    public static TheoryData<string, string> Generators => new()
    {
        { "chained", "systolic-gemm" },
        { "chained", "systolic-network" },
        { "factorised", "systolic-gemm" },
        { "factorised", "systolic-network" },
    };

    [Theory]
    [MemberData(nameof(Generators))]
    public void Near_zero_temperature_samples_are_the_arg_max_of_their_own_teacher_forced_logits(string kind, string taskName)
    {
        using IDisposable scope = NewDisposeScope();
        (DesignGenerator generator, IDseTask task, Tensor noise, Tensor features) = Build(kind, taskName);

        Tensor sampled = generator.Sample(noise, features, temperature: 1e-6, slotTemperature: 1e-6, new Generator(2));
        Tensor logits = generator.Logits(noise, features, task.Space.OneHot(sampled));

        Assert.Equal(new long[] { Batch, task.Space.Parameters.Count }, sampled.shape);
        Assert.True(task.Space.FromOneHot(logits).eq(sampled).all().item<bool>());
    }

    [Theory]
    [InlineData("chained")]
    [InlineData("factorised")]
    public void Slots_follow_their_own_temperature(string kind)
    {
        using IDisposable scope = NewDisposeScope();
        (DesignGenerator generator, IDseTask task, Tensor noise, Tensor features) = Build(kind, "systolic-network");
        int hardware = task.Layout.Chained;

        Tensor sampled = generator.Sample(noise, features, temperature: 50, slotTemperature: 1e-6, new Generator(2));
        Tensor greedy = task.Space.FromOneHot(generator.Logits(noise, features, task.Space.OneHot(sampled)));

        Assert.True(greedy.narrow(-1, hardware, greedy.shape[1] - hardware).eq(sampled.narrow(-1, hardware, greedy.shape[1] - hardware)).all().item<bool>());
        Assert.False(greedy.narrow(-1, 0, hardware).eq(sampled.narrow(-1, 0, hardware)).all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void Straight_through_designs_are_one_hot_and_pass_gradients_to_every_head(string kind, string taskName)
    {
        using IDisposable scope = NewDisposeScope();
        (DesignGenerator generator, IDseTask task, Tensor noise, Tensor features) = Build(kind, taskName);

        Tensor designs = generator.StraightThrough(noise, features, tau: 1.0, new Generator(3));
        (designs * randn(designs.shape, generator: new Generator(4))).sum().backward();

        Assert.True(designs.sum(-1).allclose(full(Batch, (float)task.Space.Parameters.Count)));
        Assert.True((designs.eq(0) | designs.eq(1)).all().item<bool>());
        Assert.All(generator.named_parameters(), p => Assert.True(p.parameter.grad is not null && p.parameter.grad.abs().sum().item<float>() > 0, p.name));
    }

    [Fact]
    public void A_chained_generator_draws_later_parameters_given_earlier_ones()
    {
        using IDisposable scope = NewDisposeScope();
        (DesignGenerator chained, IDseTask task, Tensor noise, Tensor features) = Build("chained", "systolic-gemm");
        (DesignGenerator factorised, _, _, _) = Build("factorised", "systolic-gemm");
        Tensor design = task.Space.RandomIndices(new long[] { Batch }, new Generator(5));
        Tensor otherRows = design.clone();
        otherRows.select(-1, 0).copy_((design.select(-1, 0) + 1) % task.Space.Parameters[0].Count);

        Tensor ColumnLogits(DesignGenerator generator, Tensor given) =>
            generator.Logits(noise, features, task.Space.OneHot(given)).narrow(-1, task.Space.Parameters[0].Count, task.Space.Parameters[1].Count);

        Assert.False(ColumnLogits(chained, design).allclose(ColumnLogits(chained, otherRows)));
        Assert.True(ColumnLogits(factorised, design).allclose(ColumnLogits(factorised, otherRows)));
    }

    [Fact]
    public void Padding_slots_draw_choice_zero_and_pass_no_gradient()
    {
        using IDisposable scope = NewDisposeScope();
        (DesignGenerator generator, IDseTask task, Tensor noise, _) = Build("chained", "systolic-network");
        Workload twoLayers = WorkloadParser.Parse("network:probe:3136x256x64;49x512x4608");
        Tensor features = task.Features(Enumerable.Repeat(task.Query(twoLayers, 4096, 1536, 16, null), Batch).ToList());
        int hardware = task.Layout.Chained, slots = task.Space.Parameters.Count - hardware;

        Tensor sampled = generator.Sample(noise, features, temperature: 50, slotTemperature: 50, new Generator(6));
        Tensor padding = sampled.narrow(-1, hardware + 2, slots - 2);
        Tensor layers = sampled.narrow(-1, hardware, 2);

        Assert.True(padding.eq(0).all().item<bool>());
        Assert.True(layers.unique().output.numel() > 1);

        Tensor logits = generator.Logits(noise, features, task.Space.OneHot(sampled));
        int hardwareWidth = task.Space.Parameters.Take(hardware).Sum(p => p.Count);
        logits.narrow(-1, hardwareWidth + (2 * 3), (slots - 2) * 3).sum().backward();
        Assert.All(generator.parameters(), p => Assert.True(p.grad is null || p.grad.abs().sum().item<float>() == 0));
    }

    private static (DesignGenerator Generator, IDseTask Task, Tensor Noise, Tensor Features) Build(string kind, string taskName)
    {
        var config = new ExperimentConfig { Task = taskName, Data = new DataConfig { MaxLayers = 6 }, Model = new ModelConfig { Generator = kind, NoiseDim = 4, Hidden = 24, Layers = 2 } };
        IDseTask task = TaskCatalog.Create(config);
        torch.random.manual_seed(1);
        DesignGenerator generator = DesignGenerator.Create(config.Model, task);
        var sampler = new Generator(1);
        return (generator, task, randn(new long[] { Batch, config.Model.NoiseDim }, generator: sampler), randn(new long[] { Batch, task.FeatureCount }, generator: sampler));
    }
}
