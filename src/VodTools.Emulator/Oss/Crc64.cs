namespace VodTools.Emulator.Oss;

/// <summary>CRC-64/ECMA-182 as OSS reports it in x-oss-hash-crc64ecma (reflected, init and xor-out all ones).</summary>
/// <remarks>Deliberately independent of the module's <c>Crc64Ecma</c>: written apart from the same sources, no code shared, so that a mistake in one shows against the other.</remarks>
internal sealed class Crc64
{
    private static readonly ulong[] Table = BuildTable();
    private ulong _crc = ulong.MaxValue;

    public void Append(ReadOnlySpan<byte> data)
    {
        ulong crc = _crc;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        _crc = crc;
    }

    public ulong Value => _crc ^ ulong.MaxValue;

    public static ulong Of(ReadOnlySpan<byte> data)
    {
        var crc = new Crc64();
        crc.Append(data);
        return crc.Value;
    }

    private static ulong[] BuildTable()
    {
        const ulong poly = 0xC96C5795D7870F42; // ECMA-182, reflected
        var table = new ulong[256];
        for (ulong i = 0; i < 256; i++)
        {
            ulong c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ poly : c >> 1;
            table[i] = c;
        }
        return table;
    }
}
