using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels.Systolic;
using Gandse.Tasks;
using Gandse.Workloads;
using Gandse.Tasks.Systolic;

namespace Gandse.Tests.Conditions;

public class ConditionSchemaTests
{
    private static readonly ConditionSchema Schema = new(new[]
    {
        new ConditionField("power_budget", "W", "most power allowed", FieldRole.Budget, 0.001, 1000, new FieldEncoding(10, 1000)),
        new ConditionField("noc_bw", "words/cycle", "NoC bandwidth", FieldRole.Environment, 1, 4096, new FieldEncoding(12, 1)) { Integer = true, Default = 64 },
        new ConditionField("target_energy", "nJ", "energy target", FieldRole.Target, 1, 1e12, new FieldEncoding(40, 1)) { Required = true },
    });

    private static readonly Workload Layer = new Gemm(64, 64, 64);

    [Fact]
    public void Missing_fields_take_their_defaults_and_unbounded_budgets_are_infinite()
    {
        Condition condition = Schema.Build(Layer, new Dictionary<string, double> { ["target_energy"] = 500 }, "task t");

        Assert.Equal(double.PositiveInfinity, condition["power_budget"]);
        Assert.Null(condition.Bound("power_budget"));
        Assert.Equal(64, condition["noc_bw"]);
        Assert.Equal(500, condition.Bound("target_energy"));
        Assert.Equal(new[] { "power_budget", "noc_bw", "target_energy" }, condition.Fields.Keys);
    }

    [Fact]
    public void A_field_the_schema_does_not_declare_is_refused_with_what_it_reads()
    {
        var given = new Dictionary<string, double> { ["target_energy"] = 500, ["mac_budget"] = 64 };

        var error = Assert.Throws<UsageException>(() => Schema.Build(Layer, given, "task t", f => f.Flag));

        Assert.Equal("mac_budget is not read by task t, so it would be ignored; task t reads power_budget, noc_bw, target_energy", error.Message);
    }

    [Fact]
    public void A_required_field_left_out_is_named()
    {
        var error = Assert.Throws<UsageException>(() => Schema.Build(Layer, new Dictionary<string, double>(), "task t", f => f.Flag));

        Assert.Equal("task t needs --target-energy (energy target)", error.Message);
    }

    [Theory]
    [InlineData("noc_bw", "2.5", "--noc-bw '2.5' is not allowed; expected a whole number from 1 to 4096 (words/cycle)")]
    [InlineData("noc_bw", "0", "--noc-bw '0' is not allowed; expected a whole number from 1 to 4096 (words/cycle)")]
    [InlineData("power_budget", "1e-300", "--power-budget '1e-300' is not allowed; expected a number from 0.001 to 1000 (W)")]
    [InlineData("power_budget", "NaN", "--power-budget 'NaN' is not allowed; expected a number from 0.001 to 1000 (W)")]
    [InlineData("power_budget", "lots", "--power-budget 'lots' is not allowed; expected a number from 0.001 to 1000 (W)")]
    public void Values_outside_the_declared_range_are_refused_by_flag(string field, string token, string expected)
    {
        ConditionField declared = Schema.Find(field)!;

        var error = Assert.Throws<UsageException>(() => declared.Parse(token, declared.Flag));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Fields_are_encoded_in_schema_order_with_unbounded_at_its_stand_in()
    {
        Condition condition = Schema.Build(Layer, new Dictionary<string, double> { ["noc_bw"] = 256, ["target_energy"] = 1024 }, "task t");
        var encoded = new float[3];

        Schema.Encode(condition, encoded);

        Assert.Equal(new[] { (float)(Math.Log2(1000) / 10), 8f / 12, 10f / 40 }, encoded);
    }

    [Fact]
    public void The_systolic_tasks_declare_only_what_they_read()
    {
        var data = new DataConfig();

        Assert.Equal(
            new[] { SystolicConditions.MacBudget, SystolicConditions.SramBudgetKb, SystolicConditions.DramBandwidth },
            new SystolicGemmTask(false, data).Conditions.Names);
        Assert.True(new SystolicGemmTask(true, data).Conditions.Find(SystolicConditions.TargetLatency)!.Required);
        Assert.False(new SystolicNetworkTask(data).Conditions.Reads(SystolicConditions.TargetLatency));
        Assert.Equal(16384, new SystolicGemmTask(false, data).Conditions.Find(SystolicConditions.MacBudget)!.Default);
        var narrowed = new DataConfig { Draw = new() { [SystolicConditions.MacBudget] = new() { 64, 512 } } };
        Assert.Equal(512, new SystolicGemmTask(false, narrowed).Conditions.Find(SystolicConditions.MacBudget)!.Default);
        var foreign = new DataConfig { Draw = new() { ["noc_bw"] = new() { 64 } } };
        Assert.Contains("data.draw.noc_bw is not read by task systolic-gemm", Assert.Throws<UsageException>(() => new SystolicGemmTask(false, foreign)).Message);
    }

    [Fact]
    public void The_cli_knows_every_field_some_space_declares()
    {
        Assert.Equal(
            new[] { "mac_budget", "sram_budget_kb", "area_budget", "dram_bw", "target_latency", "noc_bw", "noc_hops", "noc_hop_latency", "offchip_bw", "num_simd_lanes", "l1_size_cstr", "l2_size_cstr", "dataflow" },
            SpaceCatalog.AllConditions.Names);
    }
}
