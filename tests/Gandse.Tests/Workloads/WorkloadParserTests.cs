using Gandse.Workloads;

namespace Gandse.Tests.Workloads;

public class WorkloadParserTests
{
    [Fact]
    public void A_gemm_spec_gives_its_dims()
    {
        Gemm gemm = Assert.IsType<Gemm>(WorkloadParser.Parse("gemm:M=33,N=20,K=17"));

        Assert.Equal((33, 20, 17), (gemm.M, gemm.N, gemm.K));
        Assert.Equal("gemm:M=33,N=20,K=17", gemm.Spec);
    }

    [Fact]
    public void A_conv_layer_lowers_to_a_gemm_as_scale_sim_maps_it()
    {
        ConvLayer conv = Assert.IsType<ConvLayer>(WorkloadParser.Parse("conv:H=56,W=56,C=64,R=3,S=3,filters=64,stride=1,padding=1"));
        Gemm gemm = conv.ToGemm();

        Assert.Equal(56 * 56, gemm.M);
        Assert.Equal(64, gemm.N);
        Assert.Equal(3 * 3 * 64, gemm.K);
    }

    [Fact]
    public void Stride_and_padding_shape_the_output_and_default_to_one_and_zero()
    {
        var strided = (ConvLayer)WorkloadParser.Parse("conv:H=224,W=224,C=3,R=7,S=7,filters=64,stride=2,padding=3");
        var plain = (ConvLayer)WorkloadParser.Parse("conv:H=5,W=7,C=2,R=3,S=3,filters=4");

        Assert.Equal((112, 112), (strided.OutputHeight, strided.OutputWidth));
        Assert.Equal(new Gemm(3 * 5, 4, 18), plain.ToGemm());
    }

    [Fact]
    public void A_repeated_key_quotes_the_spec_once()
    {
        UsageException error = Assert.Throws<UsageException>(() => WorkloadParser.Parse("gemm:M=1,M=2,N=3,K=4"));

        Assert.Equal("'M' is given twice in workload 'gemm:M=1,M=2,N=3,K=4'", error.Message);
    }

    [Theory]
    [InlineData("gemm:M=0,N=2,K=3", "M='0'")]
    [InlineData("gemm:M=-4,N=2,K=3", "M='-4'")]
    [InlineData("gemm:M=2.5,N=2,K=3", "M='2.5'")]
    [InlineData("gemm:M=2,N=2", "missing workload field 'K'")]
    [InlineData("gemm:M=2,N=2,K=2,Q=1", "unknown gemm field 'Q'")]
    [InlineData("gemm:M=2,N=2,K", "malformed 'K'")]
    [InlineData("gemm:M=2,M=3,N=1,K=1", "'M' is given twice in workload 'gemm:M=2,M=3,N=1,K=1'")]
    [InlineData("matmul:M=2,N=2,K=2", "unknown workload 'matmul:M=2,N=2,K=2'")]
    [InlineData("conv:H=2,W=2,C=1,R=3,S=3,filters=1", "larger than the padded input")]
    [InlineData("conv:H=8,W=8,C=1,R=3,S=3,filters=1,padding=-1", "padding='-1'")]
    public void Bad_specs_name_the_bad_token(string spec, string expected)
    {
        UsageException error = Assert.Throws<UsageException>(() => WorkloadParser.Parse(spec));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
