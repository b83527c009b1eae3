using Gandse.Conditions;
using Gandse.Config;
using Gandse.CostModels;
using Gandse.Objectives;
using Gandse.Spaces;
using Gandse.Tasks;
using Gandse.Tasks.Systolic;
using Gandse.Tensors;
using Gandse.Workloads;
using TorchSharp;

namespace Gandse.Tests.Tasks;

/// <summary>
/// A task declaring a condition field nothing else knows (a power budget) gets it through query CSVs, features
/// and the training-range check with no change outside the task: the schema carries it.
/// </summary>
public sealed class NewTaskConditionsTests : IDisposable
{
    private static readonly ConditionField Power = new("power_budget", "mW", "most power allowed", FieldRole.Budget, 1, 1e6, new FieldEncoding(20, 1e6)) { Default = 500 };

    private readonly string _folder = Directory.CreateTempSubdirectory("gandse-newtask-").FullName;

    [Fact]
    public void A_new_field_is_read_from_its_csv_column_defaulted_when_empty_and_encoded_as_a_feature()
    {
        var task = new PowerTask();
        string path = Path.Combine(_folder, "queries.csv");
        File.WriteAllText(path, "M,N,K,power_budget,mac_budget\n64,64,64,250,1024\n128,64,32,,\n");

        QueryCsv queries = QueryCsv.Read(path, task, ConditionSchema.Union(new[] { SpaceCatalog.AllConditions, task.Conditions }));

        Assert.Equal(new[] { 250.0, 500.0 }, queries.Conditions.Select(c => c[Power.Name]));
        Assert.Equal(1024, queries.Conditions[0].Bound("mac_budget"));
        float[] features = task.Features(queries.Conditions).data<float>().ToArray();
        Assert.Equal((float)(Math.Log2(250) / 20), features[task.FeatureCount - 1]);
    }

    [Fact]
    public void A_column_of_a_field_the_new_task_does_not_declare_is_refused()
    {
        var task = new PowerTask();
        string path = Path.Combine(_folder, "queries.csv");
        File.WriteAllText(path, "M,N,K,area_budget\n64,64,64,5\n");

        var error = Assert.Throws<UsageException>(() => QueryCsv.Read(path, task, ConditionSchema.Union(new[] { SpaceCatalog.AllConditions, task.Conditions })));

        Assert.Contains("column area_budget is not read by task power-gemm, so it would be ignored", error.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>systolic-gemm's space and model with one more condition field, declared only here.</summary>
    private sealed class PowerTask : IDseTask
    {
        private readonly SystolicGemmTask _inner = new(false, new DataConfig());

        public PowerTask() => Conditions = new ConditionSchema(_inner.Conditions.Fields.Append(Power));

        public string Name => "power-gemm";

        public DesignSpace Space => _inner.Space;

        public Objective Objective => _inner.Objective;

        public IReadOnlyList<string> MetricNames => _inner.MetricNames;

        public string DatasetFingerprint => _inner.DatasetFingerprint;

        public ConditionSchema Conditions { get; }

        public IReadOnlyList<ValueRange> TrainedRanges => _inner.TrainedRanges;

        public GeneratorLayout Layout => _inner.Layout;

        public int FeatureCount => 3 + Conditions.Fields.Count;

        public torch.Tensor Features(IReadOnlyList<Condition> conditions)
        {
            var features = new float[conditions.Count * FeatureCount];
            for (int q = 0; q < conditions.Count; q++)
            {
                Gemm gemm = conditions[q].Workload.Gemms[0];
                Span<float> row = features.AsSpan(q * FeatureCount, FeatureCount);
                (row[0], row[1], row[2]) = ((float)Math.Log2(gemm.M), (float)Math.Log2(gemm.N), (float)Math.Log2(gemm.K));
                Conditions.Encode(conditions[q], row[3..]);
            }

            return torch.tensor(features, new long[] { conditions.Count, FeatureCount });
        }

        public SplitDrafts Sample(DataConfig data, Random random) => _inner.Sample(data, random);

        public LabelledCondition Label(ConditionDraft draft, DataConfig data) => _inner.Label(draft, data);

        public ValueBatch ConditionValues(IReadOnlyList<Condition> conditions) => Condition.Batch(conditions);

        public CandidateEvaluation Evaluate(ValueBatch conditionValues, torch.Tensor candidates, EvaluationModel model = EvaluationModel.Exact) =>
            _inner.Evaluate(conditionValues, candidates, model);

        public CandidateEvaluation? EvaluateBounds(ValueBatch conditionValues, torch.Tensor candidates, bool completeMappings) =>
            _inner.EvaluateBounds(conditionValues, candidates, completeMappings);

        public torch.Tensor CompleteMappings(ValueBatch conditionValues, torch.Tensor candidates, EvaluationModel model = EvaluationModel.Exact) => candidates;

        public Condition Query(Workload workload, IReadOnlyDictionary<string, double> given, Func<ConditionField, string>? shown = null) =>
            Conditions.Build(workload, given, $"task {Name}", shown);
    }
}
