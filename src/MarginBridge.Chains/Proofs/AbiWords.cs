using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;

namespace MarginBridge.Chains.Proofs;

/// <summary>
/// Writes static ABI words (32 bytes each) into a buffer: the encoding of <c>abi.encode</c> for
/// static types and static structs, which is the concatenation of their fields' words.
/// </summary>
internal ref struct AbiWords(Span<byte> buffer)
{
    private readonly Span<byte> _buffer = buffer;
    private int _offset;

    public void Unsigned(BigInteger value)
    {
        if (value.Sign < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "an unsigned word cannot be negative");
        }

        Signed(value);
    }

    /// <summary>Two's complement, sign-extended to 256 bits.</summary>
    public void Signed(BigInteger value)
    {
        var word = _buffer.Slice(_offset, 32);
        word.Fill(value.Sign < 0 ? (byte)0xff : (byte)0);
        var byteCount = value.GetByteCount(isUnsigned: value.Sign >= 0);
        if (byteCount > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "does not fit 256 bits");
        }

        value.TryWriteBytes(word[(32 - byteCount)..], out _, isUnsigned: value.Sign >= 0, isBigEndian: true);
        _offset += 32;
    }

    public void Address(string address)
    {
        var word = _buffer.Slice(_offset, 32);
        word.Clear();
        var bytes = address.HexToByteArray();
        if (bytes.Length != 20)
        {
            throw new FormatException($"'{address}' is not a 20-byte address");
        }

        bytes.CopyTo(word[12..]);
        _offset += 32;
    }

    public void Bytes32(ReadOnlySpan<byte> value)
    {
        if (value.Length != 32)
        {
            throw new ArgumentException("a bytes32 word needs 32 bytes", nameof(value));
        }

        value.CopyTo(_buffer.Slice(_offset, 32));
        _offset += 32;
    }
}
