namespace Gandse.Workloads.Networks;

/// <summary>
/// Transformer encoders and decoders at batch 1 as their GEMMs: per block the Q, K and V projections (fused in
/// GPT-2 and ViT), per head the attention scores (S × S × 64) and the context (S × 64 × S), the output projection
/// and the two feed-forward layers, each repeated over heads and blocks. Sources: BERT (Devlin et al., NAACL
/// 2019) base and large at sequence 128 with the pooler; GPT-2 small and medium (Radford et al., 2019) on a
/// 1,024-token prompt with the vocabulary projection of the next token (50,257); ViT-B/16 (Dosovitskiy et al.,
/// ICLR 2021) at 224 × 224: a 16 × 16 patch embedding, 196 patches and a class token, a 1,000-class head.
/// </summary>
public static class Transformers
{
    /// <summary>BERT-base at sequence 128, batch 1.</summary>
    public static Network BertBase() => Bert("bert-base", hidden: 768, blocks: 12);

    /// <summary>BERT-large at sequence 128, batch 1.</summary>
    public static Network BertLarge() => Bert("bert-large", hidden: 1024, blocks: 24);

    /// <summary>GPT-2 small on a 1,024-token prompt.</summary>
    public static Network Gpt2() => Gpt2("gpt2", hidden: 768, blocks: 12);

    /// <summary>GPT-2 medium on a 1,024-token prompt.</summary>
    public static Network Gpt2Medium() => Gpt2("gpt2-medium", hidden: 1024, blocks: 24);

    /// <summary>ViT-B/16 at 224 x 224.</summary>
    public static Network VitB16()
    {
        var net = new NetworkBuilder(1, 1, 1).Matmul("patch_embed", new Gemm(196, 768, 16 * 16 * 3));
        return Blocks(net, sequence: 197, hidden: 768, blocks: 12, fusedQkv: true).Matmul("head", new Gemm(1, 1000, 768)).Build("vit-b16");
    }

    private static Network Bert(string name, long hidden, long blocks) =>
        Blocks(new NetworkBuilder(1, 1, 1), sequence: 128, hidden, blocks, fusedQkv: false).Matmul("pooler", new Gemm(1, hidden, hidden)).Build(name);

    private static Network Gpt2(string name, long hidden, long blocks) =>
        Blocks(new NetworkBuilder(1, 1, 1), sequence: 1024, hidden, blocks, fusedQkv: true).Matmul("lm_head", new Gemm(1, 50257, hidden)).Build(name);

    /// <summary>Adds <paramref name="blocks"/> transformer blocks of width <paramref name="hidden"/> (heads of 64, FFN 4 × hidden) on a sequence.</summary>
    public static NetworkBuilder Blocks(NetworkBuilder net, long sequence, long hidden, long blocks, bool fusedQkv)
    {
        const long headSize = 64;
        long heads = hidden / headSize;
        net = fusedQkv
            ? net.Matmul("attention.qkv", new Gemm(sequence, 3 * hidden, hidden), blocks)
            : net.Matmul("attention.q_k_v", new Gemm(sequence, hidden, hidden), 3 * blocks);
        return net
            .Matmul("attention.scores", new Gemm(sequence, sequence, headSize), heads * blocks)
            .Matmul("attention.context", new Gemm(sequence, headSize, sequence), heads * blocks)
            .Matmul("attention.output", new Gemm(sequence, hidden, hidden), blocks)
            .Matmul("ffn.up", new Gemm(sequence, 4 * hidden, hidden), blocks)
            .Matmul("ffn.down", new Gemm(sequence, hidden, 4 * hidden), blocks);
    }
}
