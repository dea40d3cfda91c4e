using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Committee;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;

namespace MarginBridge.UnitTests.Committee;

public sealed class TransferVoidBodyTests
{
    private const string Token = "0x00000000000000000000000000000000000000bb";
    private const string Recipient = "0x00000000000000000000000000000000000000c1";
    private const string Sender = "0x00000000000000000000000000000000000000c2";

    private static MarginBridgeOptions Options() => new()
    {
        Chains =
        [
            new ChainOptions { Name = "a", Kind = LayerKind.AppChain, ChainId = 1, Vault = "0x00000000000000000000000000000000000000A1" },
            new ChainOptions { Name = "b", Kind = LayerKind.L1, ChainId = 2, Vault = "0x00000000000000000000000000000000000000b2" },
        ],
    };

    private static TransferVoidBody Body(long srcChainId = 1, string? token = Token, string? amount = "700", string? refundTo = Sender) =>
        new(2, 9, 1_000, srcChainId, 4, token, Recipient, amount, refundTo);

    [Fact]
    public void AVoid_Parses_AndNamesTheLeafTheSourceOutboxStoredForTheTransfer()
    {
        var (destination, source, transferVoid, leaf, error) = Body().Parse(Options());
        Assert.Null(error);
        Assert.Equal((2L, 1L), (destination!.ChainId, source!.ChainId));
        Assert.Equal((4UL, 700, Sender), (transferVoid!.TransferNonce, (int)transferVoid.Amount, transferVoid.RefundTo));

        var route = new RouteStruct { SrcChainId = 1, SrcContract = "0x00000000000000000000000000000000000000a1", DstChainId = 2, DstContract = "0x00000000000000000000000000000000000000b2" };
        Assert.Equal(MessageLeaf.Transfer(route, new TransferStruct { Nonce = 4, Expiry = 0, Token = Token, Recipient = Recipient, Amount = 700 }), leaf);
    }

    [Theory]
    [InlineData(2, Token, "700", Sender, "srcChainId")]
    [InlineData(7, Token, "700", Sender, "srcChainId")]
    [InlineData(1, "0x12", "700", Sender, "token")]
    [InlineData(1, Token, "0", Sender, "amount")]
    [InlineData(1, Token, "-5", Sender, "amount")]
    [InlineData(1, Token, "700", "0x0000000000000000000000000000000000000000", "refundTo")]
    [InlineData(1, Token, "700", null, "refundTo")]
    public void ABrokenVoid_IsRefused_NamingTheField(long srcChainId, string? token, string? amount, string? refundTo, string field)
    {
        var (_, _, transferVoid, _, error) = Body(srcChainId, token, amount, refundTo).Parse(Options());
        Assert.Null(transferVoid);
        Assert.StartsWith($"{field}:", error, StringComparison.Ordinal);
    }
}
