using MarginBridge.Chains.Contracts;
using Nethereum.Util;

namespace MarginBridge.Chains.Proofs;

/// <summary>
/// The leaves of contracts/src/BridgeMessages.sol: keccak256(abi.encode(kind, route, payload)),
/// byte for byte, so the C# tree has exactly the roots and proofs the inbox accepts.
/// </summary>
public static class MessageLeaf
{
    public const byte TransferKind = 1;
    public const byte LiquidationKind = 2;
    public const byte DeleverageKind = 3;
    public const byte FeeSweepKind = 4;
    public const byte TransferVoidKind = 5;

    public static byte[] Transfer(RouteStruct route, TransferStruct transfer)
    {
        Span<byte> buffer = stackalloc byte[32 * 10];
        var words = new AbiWords(buffer);
        words.Unsigned(TransferKind);
        WriteRoute(ref words, route);
        words.Unsigned(transfer.Nonce);
        words.Unsigned(transfer.Expiry);
        words.Address(transfer.Token);
        words.Address(transfer.Recipient);
        words.Unsigned(transfer.Amount);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    public static byte[] Liquidation(RouteStruct route, LiquidationStruct liquidation)
    {
        Span<byte> buffer = stackalloc byte[32 * 14];
        var words = new AbiWords(buffer);
        words.Unsigned(LiquidationKind);
        WriteRoute(ref words, route);
        words.Unsigned(liquidation.Nonce);
        words.Unsigned(liquidation.Expiry);
        words.Address(liquidation.Venue);
        words.Address(liquidation.Account);
        words.Bytes32(liquidation.Market);
        words.Signed(liquidation.SizeDelta);
        words.Unsigned(liquidation.Price);
        words.Address(liquidation.Token);
        words.Signed(liquidation.FundTransfer);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    public static byte[] Deleverage(RouteStruct route, DeleverageStruct deleverage)
    {
        Span<byte> buffer = stackalloc byte[32 * 13];
        var words = new AbiWords(buffer);
        words.Unsigned(DeleverageKind);
        WriteRoute(ref words, route);
        words.Unsigned(deleverage.Nonce);
        words.Unsigned(deleverage.Expiry);
        words.Address(deleverage.Venue);
        words.Bytes32(deleverage.Market);
        words.Address(deleverage.Account);
        words.Address(deleverage.Counterparty);
        words.Signed(deleverage.SizeDelta);
        words.Unsigned(deleverage.Price);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    public static byte[] FeeSweep(RouteStruct route, FeeSweepStruct sweep)
    {
        Span<byte> buffer = stackalloc byte[32 * 12];
        var words = new AbiWords(buffer);
        words.Unsigned(FeeSweepKind);
        WriteRoute(ref words, route);
        words.Unsigned(sweep.Nonce);
        words.Unsigned(sweep.Expiry);
        words.Address(sweep.Account);
        words.Address(sweep.Token);
        words.Unsigned(sweep.Amount);
        words.Unsigned(sweep.LiquidationChainId);
        words.Unsigned(sweep.LiquidationNonce);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    public static byte[] TransferVoid(RouteStruct route, TransferVoidStruct transferVoid)
    {
        Span<byte> buffer = stackalloc byte[32 * 13];
        var words = new AbiWords(buffer);
        words.Unsigned(TransferVoidKind);
        WriteRoute(ref words, route);
        words.Unsigned(transferVoid.Nonce);
        words.Unsigned(transferVoid.Expiry);
        words.Unsigned(transferVoid.SrcChainId);
        words.Unsigned(transferVoid.TransferNonce);
        words.Address(transferVoid.Token);
        words.Address(transferVoid.Recipient);
        words.Unsigned(transferVoid.Amount);
        words.Address(transferVoid.RefundTo);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    /// <summary><c>BridgeMessages.routeKey</c>: keccak256(abi.encode(srcChainId, srcContract)).</summary>
    public static byte[] RouteKey(ulong srcChainId, string srcContract)
    {
        Span<byte> buffer = stackalloc byte[32 * 2];
        var words = new AbiWords(buffer);
        words.Unsigned(srcChainId);
        words.Address(srcContract);
        return Sha3Keccack.Current.CalculateHash(buffer.ToArray());
    }

    private static void WriteRoute(ref AbiWords words, RouteStruct route)
    {
        words.Unsigned(route.SrcChainId);
        words.Address(route.SrcContract);
        words.Unsigned(route.DstChainId);
        words.Address(route.DstContract);
    }
}
