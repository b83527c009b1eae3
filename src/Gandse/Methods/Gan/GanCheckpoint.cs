using System.Text;
using System.Text.Json;
using Gandse.Io;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gandse.Methods.Gan;

/// <summary>
/// One file per checkpoint (<c>last.ckpt</c>, <c>best.ckpt</c>) of any trained method, written atomically: a magic
/// line, the JSON <see cref="CheckpointInfo"/> (method, config, step, best score), the networks' state, the ranking head's
/// state when the header declares one (<see cref="CheckpointInfo.RankingHead"/>; files without one read as before), the optimisers' state
/// and the training sampler's RNG state, so a resumed run continues exactly. A weights-only checkpoint
/// (<see cref="TrainedGan.SaveWeightsOnly"/>) holds no optimiser or sampler state: it generates and evaluates
/// the same, at about a third of the size, but cannot resume.
/// </summary>
public static class GanCheckpoint
{
    /// <summary>The checkpoint of the last step.</summary>
    public const string LastFile = "last.ckpt";
    /// <summary>The checkpoint with the best validation score.</summary>
    public const string BestFile = "best.ckpt";
    private const string Magic = "GANDSE-CHECKPOINT 1";

    /// <summary>Writes a checkpoint atomically: header, networks, optimizer states and the sampler's state.</summary>
    public static void Save(string path, CheckpointInfo info, nn.Module networks, IReadOnlyList<OptimizerHelper> optimizers, Generator? sampler, RankingHead? head = null)
    {
        if ((head is null) != (info.RankingHead is null))
        {
            throw new ArgumentException("A checkpoint's header declares a ranking head exactly when one is saved.", nameof(head));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(info));
            networks.save(writer);
            head?.save(writer);
            writer.Write(optimizers.Count);
            foreach (OptimizerHelper optimizer in optimizers)
            {
                optimizer.save_state_dict(writer);
            }

            byte[] state = sampler?.get_state().data<byte>().ToArray() ?? Array.Empty<byte>();
            writer.Write(state.Length);
            writer.Write(state);
        });
    }

    /// <summary>Reads a checkpoint's header; a truncated, corrupt or foreign file is a <see cref="UsageException"/> naming it.</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        using BinaryReader reader = Open(path);
        return Guarded(path, () => ReadHeader(reader, path));
    }

    /// <summary>
    /// Restores <paramref name="networks"/> (and, when given, optimisers and sampler) from <paramref name="path"/>; the
    /// ranking head, when the header declares one, into <paramref name="head"/> (built by the caller from the header),
    /// else it is skipped.
    /// </summary>
    public static CheckpointInfo Load(string path, nn.Module networks, IReadOnlyList<OptimizerHelper>? optimizers = null, Generator? sampler = null, RankingHead? head = null)
    {
        using BinaryReader reader = Open(path);
        return Guarded(path, () => Read(reader, path, networks, optimizers, sampler, head));
    }

    private static CheckpointInfo Read(BinaryReader reader, string path, nn.Module networks, IReadOnlyList<OptimizerHelper>? optimizers, Generator? sampler, RankingHead? head)
    {
        CheckpointInfo info = ReadHeader(reader, path);
        networks.load(reader);
        if (info.RankingHead is RankingHeadInfo declared)
        {
            // A head must be read past even when not wanted: the optimisers follow it.
            (head ?? RankingHeadFitting.Create(declared)).load(reader);
        }

        int count = reader.ReadInt32();
        if (optimizers is null)
        {
            return info;
        }

        if (count == 0)
        {
            throw new UsageException($"'{path}' holds weights only (no optimiser state): it can generate and evaluate but not resume; resume from the run's full {LastFile}");
        }

        if (count != optimizers.Count)
        {
            throw new InvalidDataException($"checkpoint {path} holds {count} optimisers, expected {optimizers.Count}");
        }

        foreach (OptimizerHelper optimizer in optimizers)
        {
            optimizer.load_state_dict(reader);
        }

        byte[] state = reader.ReadBytes(reader.ReadInt32());
        sampler?.set_state(tensor(state, ScalarType.Byte));
        return info;
    }

    /// <summary>The checkpoint file a user means by <paramref name="path"/>: a file, or a folder's best (else last) checkpoint.</summary>
    public static string Resolve(string path)
    {
        if (File.Exists(path))
        {
            return path;
        }

        if (Directory.Exists(path))
        {
            foreach (string name in new[] { BestFile, LastFile })
            {
                string candidate = Path.Combine(path, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new UsageException($"no checkpoint in '{path}' (expected {BestFile} or {LastFile}); train one with 'gandse train experiments/<experiment>.yaml'");
        }

        throw new UsageException($"checkpoint '{path}' not found; train one with 'gandse train experiments/<experiment>.yaml'");
    }

    private static BinaryReader Open(string path)
    {
        var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException();
            }
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or IOException)
        {
            reader.Dispose();
            throw new UsageException($"'{path}' is not a Gandse checkpoint");
        }

        return reader;
    }

    /// <summary>A truncated or corrupt file, or weights of another shape, as one line naming the file, not an internal exception.</summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception error) when (error is EndOfStreamException or JsonException or InvalidDataException or ArgumentException or FormatException or NotSupportedException)
        {
            string reason = error is EndOfStreamException ? "it ends early: truncated (an interrupted copy or download?)" : $"it is corrupt or was written for another model shape ({error.Message.Split('\n')[0]})";
            throw new UsageException($"checkpoint '{path}' cannot be read: {reason}; copy it again or train a new one");
        }
    }

    private static CheckpointInfo ReadHeader(BinaryReader reader, string path) =>
        JsonSerializer.Deserialize<CheckpointInfo>(reader.ReadString())
        ?? throw new UsageException($"'{path}' has no checkpoint header");
}
