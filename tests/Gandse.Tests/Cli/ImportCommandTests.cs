using System.Text.Json;

namespace Gandse.Tests.Cli;

/// <summary>gandse import airchitect-v2 on the dataset's first rows: checked, labelled, cached, and a wrong label reported.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gandse-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string Csv, string Experiment) Files(string rows)
    {
        string csv = Path.Combine(_directory, "rows.csv");
        File.WriteAllText(csv, "K,C,X,Y,R,S,df,ConfigID,rewards\n" + rows);
        string experiment = Path.Combine(_directory, "air.yaml");
        File.WriteAllText(experiment, $"""
            experiment: air
            task: airchitect-v2
            data:
              train_workloads: 2
              val_workloads: 1
              test_workloads: 1
              cache_dir: {Path.Combine(_directory, "cache")}
            """);
        return (csv, experiment);
    }

    [Fact]
    public void The_first_rows_import_with_every_label_checked_and_a_second_import_finds_them_cached()
    {
        (string csv, string experiment) = Files("210,212,256,48,5,5,eye,765,40228273\n98,450,80,208,1,1,eye,766,20217601\n150,384,24,112,1,1,dla,765,2661121\n114,224,224,160,7,7,shi,761,818735233\n");

        (int exitCode, string output, string error) = CliRunner.Run("import", "airchitect-v2", "-i", csv, "-e", experiment, "--json");
        (int againCode, string again, _) = CliRunner.Run("import", "airchitect-v2", "-i", csv, "-e", experiment, "--json");

        Assert.True(exitCode == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal(4, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("reward_mismatches").GetInt32());
        Assert.Equal(4, json.RootElement.GetProperty("labels_checked").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("labels_not_optimal").GetInt32());
        Assert.Equal((2, 1, 1), (json.RootElement.GetProperty("train").GetInt32(), json.RootElement.GetProperty("val").GetInt32(), json.RootElement.GetProperty("test").GetInt32()));
        Assert.Equal(0, againCode);
        using JsonDocument cached = JsonDocument.Parse(again);
        Assert.True(cached.RootElement.GetProperty("from_cache").GetBoolean());
    }

    [Fact]
    public void A_reward_the_model_disagrees_with_is_reported_and_the_import_fails()
    {
        (string csv, string experiment) = Files("210,212,256,48,5,5,eye,765,40228274\n98,450,80,208,1,1,eye,766,20217601\n150,384,24,112,1,1,dla,765,2661121\n114,224,224,160,7,7,shi,761,818735233\n");

        (int exitCode, string output, _) = CliRunner.Run("import", "airchitect-v2", "-i", csv, "-e", experiment);

        Assert.Equal(1, exitCode);
        Assert.Contains("rewards   3 equal to the model's runtime of the labelled design, 1 differ", output);
        Assert.Contains("line 2: reward 40228274, model 40228273", output);
    }

    [Fact]
    public void A_dataset_label_the_enumeration_beats_is_reported_and_the_import_succeeds_with_the_fastest_design()
    {
        // A row of the real dataset: ConfuciuX's search labelled 64 PEs and KTileSz 2 (58,968,625 cycles, which the
        // real MAESTRO confirms), while 55 PEs and KTileSz 11 take 58,774,369 cycles, also confirmed by MAESTRO.
        (string csv, string experiment) = Files("22,142,192,224,5,5,shi,757,58968625\n98,450,80,208,1,1,eye,766,20217601\n150,384,24,112,1,1,dla,765,2661121\n114,224,224,160,7,7,shi,761,818735233\n");

        (int exitCode, string output, string error) = CliRunner.Run("import", "airchitect-v2", "-i", csv, "-e", experiment);

        Assert.True(exitCode == 0, error + output);
        Assert.Contains("4 checked by enumerating all 768 designs: 1 not optimal, 0 with another runtime", output);
        Assert.Contains("conv:K=22,C=142,Y=192,X=224,R=5,S=5 shi: label num_pe=64,KTileSz=2 (ConfigID 757), fastest num_pe=55,KTileSz=11: reward 58968625, model 58968625, optimum 58774369", output);
    }

    [Fact]
    public void An_experiment_of_another_task_is_refused()
    {
        (string csv, _) = Files("210,212,256,48,5,5,eye,765,40228273\n");

        (int exitCode, _, string error) = CliRunner.Run("import", "airchitect-v2", "-i", csv, "-e", Path.Combine(Repository.Root, "experiments", "systolic-gemm.yaml"));

        Assert.Equal(2, exitCode);
        Assert.Contains("is task systolic-gemm; import airchitect-v2 builds the dataset of an airchitect-v2 experiment", error);
    }
}
