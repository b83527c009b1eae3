using System.Text;

namespace Gandse.Tests.Build;

/// <summary>Reads the vna_flags of one version requirement in an ELF64 file's .gnu.version_r section.</summary>
internal static class ElfVersionNeeds
{
    public static bool IsWeak(string path, string versionName)
    {
        byte[] elf = File.ReadAllBytes(path);
        long sectionHeaders = BitConverter.ToInt64(elf, 0x28);
        int headerSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        for (int section = 0; section < sectionCount; section++)
        {
            int header = (int)(sectionHeaders + (section * headerSize));
            if (BitConverter.ToUInt32(elf, header + 4) != 0x6ffffffe)
            {
                continue;
            }

            int strings = (int)BitConverter.ToInt64(elf, (int)(sectionHeaders + (BitConverter.ToUInt32(elf, header + 0x28) * headerSize)) + 0x18);
            int need = (int)BitConverter.ToInt64(elf, header + 0x18);
            for (uint n = 0; n < BitConverter.ToUInt32(elf, header + 0x2C); n++)
            {
                int aux = need + (int)BitConverter.ToUInt32(elf, need + 8);
                for (int a = 0; a < BitConverter.ToUInt16(elf, need + 2); a++)
                {
                    int name = strings + (int)BitConverter.ToUInt32(elf, aux + 8);
                    int end = Array.IndexOf(elf, (byte)0, name);
                    if (Encoding.ASCII.GetString(elf, name, end - name) == versionName)
                    {
                        return (BitConverter.ToUInt16(elf, aux + 4) & 0x2) != 0;
                    }

                    aux += (int)BitConverter.ToUInt32(elf, aux + 12);
                }

                need += (int)BitConverter.ToUInt32(elf, need + 12);
            }
        }

        throw new InvalidOperationException($"{path} has no version requirement {versionName}");
    }
}
