using MarginBridge.Abstractions.Chains;
using MarginBridge.Chains.Configuration;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Silo.Api;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Signer;

namespace MarginBridge.UnitTests.Api;

public sealed class MoveRequestBodyTests
{
    private const string Token = "0x00000000000000000000000000000000000000aa";
    private static readonly EthECKey Key = EthECKey.GenerateKey();

    private static MarginBridgeOptions Options() => new()
    {
        Chains =
        [
            new ChainOptions { Name = "a", Kind = LayerKind.AppChain, ChainId = 1, Vault = "0x00000000000000000000000000000000000000a1", Tokens = [new TokenOptions { Asset = "USDC", Address = Token, Decimals = 6 }] },
            new ChainOptions { Name = "b", Kind = LayerKind.L1, ChainId = 2, Vault = "0x00000000000000000000000000000000000000b2" },
        ],
    };

    private static MoveRequestBody Signed(string vault, bool zeroBasedV = false)
    {
        var move = new MoveRequestStruct { Account = Key.GetPublicAddress(), DstChainId = 2, Token = Token, Amount = 5, Recipient = Key.GetPublicAddress(), Nonce = 3, Deadline = 100 };
        var signature = CommitteeSignatures.Sign(TypedData.MoveRequest(TypedData.DomainSeparator(1, vault), move), [Key]).Single();
        var v = zeroBasedV ? (byte)(signature.V - 27) : signature.V;
        return new MoveRequestBody(Key.GetPublicAddress(), 1, 2, Token, "5", null, 3, 100, signature.R.Concat(signature.S).Append(v).ToArray().ToHex(prefix: true));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AMoveSignedByTheAccount_InTheSourceVaultsDomain_Parses(bool zeroBasedV)
    {
        var (move, field, _) = Signed("0x00000000000000000000000000000000000000a1", zeroBasedV).Parse(Options());
        Assert.Null(field);
        Assert.Equal(5, move!.Move.Amount);
        Assert.Equal(move.Move.Account, move.Move.Recipient);
    }

    [Fact]
    public void ASignatureForAnotherVault_IsRefused_NamingTheSignature()
    {
        var (move, field, error) = Signed("0x00000000000000000000000000000000000000b2").Parse(Options());
        Assert.Null(move);
        Assert.Equal("signature", field);
        Assert.Contains("does not recover", error, StringComparison.Ordinal);
    }
}
