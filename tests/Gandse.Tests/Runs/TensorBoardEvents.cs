using Tensorboard;

namespace Gandse.Tests.Runs;

/// <summary>Reads TensorBoard event files: TFRecord framing with masked CRC-32C, records parsed as Tensorboard.Event.</summary>
internal static class TensorBoardEvents
{
    private static readonly uint[] Table = BuildTable();

    public static List<Event> Read(string directory)
    {
        var events = new List<Event>();
        foreach (string file in Directory.GetFiles(directory, "events.out.tfevents.*"))
        {
            byte[] bytes = File.ReadAllBytes(file);
            int position = 0;
            while (position < bytes.Length)
            {
                ulong length = BitConverter.ToUInt64(bytes, position);
                Assert.Equal(Masked(Crc32C(bytes.AsSpan(position, 8))), BitConverter.ToUInt32(bytes, position + 8));
                var data = bytes.AsSpan(position + 12, (int)length);
                Assert.Equal(Masked(Crc32C(data)), BitConverter.ToUInt32(bytes, position + 12 + (int)length));
                events.Add(Event.Parser.ParseFrom(data.ToArray()));
                position += 12 + (int)length + 4;
            }
        }

        return events;
    }

    /// <summary>Every (tag, step, value) of the scalars in <paramref name="events"/>.</summary>
    public static List<(string Tag, long Step, float Value)> Scalars(IEnumerable<Event> events) =>
        events.Where(e => e.Summary is not null)
            .SelectMany(e => e.Summary.Value.Where(v => v.ValueCase == Summary.Types.Value.ValueOneofCase.SimpleValue).Select(v => (v.Tag, e.Step, v.SimpleValue)))
            .ToList();

    private static uint Masked(uint crc) => unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8u);

    private static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xffffffffu;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xff] ^ (crc >> 8);
        }

        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint value = i;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? 0x82f63b78u ^ (value >> 1) : value >> 1;
            }

            table[i] = value;
        }

        return table;
    }
}
