using System;

namespace VodTools.Api
{
    /// <summary>
    /// CRC-64 as OSS reports it in <c>x-oss-hash-crc64ecma</c>: the ECMA-182 polynomial, bit-reflected, register
    /// started and finished with all ones (the CRC of "123456789" is 0x995DC9BBDF1939FA). Not thread-safe; one per body.
    /// </summary>
    /// <remarks>Deliberately independent of the emulator's <c>Crc64</c> (both written from the same definition, no code shared), so that a mistake in one shows against the other.</remarks>
    public sealed class Crc64Ecma
    {
        /// <summary>x^64 + x^62 + x^57 + … + 1 (ECMA-182), written bit-reflected: the lowest bit is the highest power.</summary>
        private const ulong ReflectedPolynomial = 0xC96C5795D7870F42;

        /// <summary>In the reflected form the polynomial "1" (x^0) is the top bit.</summary>
        private const ulong One = 1UL << 63;

        private static readonly ulong[] ByteTable = BuildByteTable();

        /// <summary>x^(2^k) mod P for k = 0..66 (a length of up to 2^63 bytes is up to 2^66 bits): the powers <see cref="Combine"/> multiplies by.</summary>
        private static readonly ulong[] PowersOfTwo = BuildPowersOfTwo();

        private ulong _register = ulong.MaxValue;

        /// <summary>The CRC of everything appended so far.</summary>
        public ulong Value => ~_register;

        public void Append(byte[] buffer, int offset, int count)
        {
            var register = _register;
            for (var i = offset; i < offset + count; i++)
            {
                register = ByteTable[(byte)register ^ buffer[i]] ^ (register >> 8);
            }
            _register = register;
        }

        public static ulong Compute(byte[] data)
        {
            var crc = new Crc64Ecma();
            crc.Append(data, 0, data.Length);
            return crc.Value;
        }

        /// <summary>
        /// The CRC of A followed by B from the CRC of A, the CRC of B and B's length, without the data: how the whole
        /// object's CRC of a multipart upload is known from its parts'. CRC(A‖B) = CRC(A)·x^(8·|B|) mod P ⊕ CRC(B);
        /// the ones the register starts and ends with cancel out in this sum.
        /// </summary>
        public static ulong Combine(ulong first, ulong second, long secondLength)
        {
            if (secondLength < 0) throw new ArgumentOutOfRangeException(nameof(secondLength));
            return MultiplyModP(PowerOfX(secondLength), first) ^ second;
        }

        /// <summary>x^(8·bytes) mod P, by squaring: bit k of the bit count picks x^(2^k).</summary>
        private static ulong PowerOfX(long bytes)
        {
            var product = One;
            var k = 3; // 8·bytes = bytes·2^3
            for (var n = bytes; n != 0; n >>= 1, k++)
            {
                if ((n & 1) != 0) product = MultiplyModP(PowersOfTwo[k], product);
            }
            return product;
        }

        /// <summary>a·b mod P in the reflected form: walk a's powers from x^0 (top bit) down, b multiplied by x at each step.</summary>
        private static ulong MultiplyModP(ulong a, ulong b)
        {
            ulong product = 0;
            for (var bit = One; a != 0 && bit != 0; bit >>= 1)
            {
                if ((a & bit) != 0)
                {
                    product ^= b;
                    a ^= bit;
                }
                b = (b & 1) != 0 ? (b >> 1) ^ ReflectedPolynomial : b >> 1;
            }
            return product;
        }

        private static ulong[] BuildByteTable()
        {
            var table = new ulong[256];
            for (var value = 0; value < 256; value++)
            {
                var register = (ulong)value;
                for (var bit = 0; bit < 8; bit++) register = (register & 1) != 0 ? (register >> 1) ^ ReflectedPolynomial : register >> 1;
                table[value] = register;
            }
            return table;
        }

        private static ulong[] BuildPowersOfTwo()
        {
            var powers = new ulong[67];
            powers[0] = One >> 1; // x^1
            for (var k = 1; k < powers.Length; k++) powers[k] = MultiplyModP(powers[k - 1], powers[k - 1]);
            return powers;
        }
    }
}
