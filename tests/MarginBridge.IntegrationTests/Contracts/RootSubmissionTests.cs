using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Quorum mode: what the inbox accepts as a committee-signed root, and every way it refuses one.</summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class RootSubmissionTests(BridgeContractsFixture chains)
{
    private static MerkleTree SomeTree(TestBridge bridge) =>
        new([MessageLeaf.Transfer(TestBridge.Route(bridge.A, bridge.B), TestBridge.Transfer(bridge.B, 1, bridge.B.Admin.Address, 1))]);

    private static SubmitRootFunction WithSignatures(TestBridge bridge, MerkleTree tree, List<SignatureStruct> signatures)
    {
        var submission = bridge.RootSubmission(bridge.B, TestBridge.Route(bridge.A, bridge.B), 1, tree);
        submission.Signatures = signatures;
        return submission;
    }

    private static List<SignatureStruct> Sign(TestBridge bridge, MerkleTree tree, IEnumerable<EthECKey> signers, ulong? chainId = null, string? inbox = null) =>
        TestBridge.SignRoot(bridge.B, TestBridge.Route(bridge.A, bridge.B), 1, tree.Root, (uint)tree.LeafCount, signers, chainId, inbox);

    [Fact]
    public async Task TwoOfThreeMembers_AreAQuorum()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        await bridge.B.SendAsync(WithSignatures(bridge, tree, Sign(bridge, tree, [bridge.Committee[0], bridge.Committee[2]])));
    }

    [Fact]
    public async Task OneSignature_IsBelowThreshold()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var error = await Reverts.With<BelowThresholdError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, Sign(bridge, tree, [bridge.Committee[1]]))));
        Assert.Equal(2, (int)error.Threshold);
    }

    [Fact]
    public async Task SignerWhoIsNotAMember_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var outsider = EthECKey.GenerateKey();
        var error = await Reverts.With<NotCommitteeMemberError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, Sign(bridge, tree, [bridge.Committee[0], outsider]))));
        Assert.Equal(outsider.GetPublicAddress().ToLowerInvariant(), error.Account.ToLowerInvariant());
    }

    [Fact]
    public async Task OneMemberSigningTwice_DoesNotCountTwice()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var once = Sign(bridge, tree, [bridge.Committee[0]]);
        await Reverts.With<SignersNotAscendingError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, [once[0], once[0]])));
    }

    [Fact]
    public async Task SignaturesOutOfSignerOrder_AreRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var sorted = Sign(bridge, tree, [bridge.Committee[0], bridge.Committee[1]]);
        await Reverts.With<SignersNotAscendingError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, [sorted[1], sorted[0]])));
    }

    [Fact]
    public async Task SignaturesForAnotherChainOrAnotherInbox_RecoverToStrangers()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var members = bridge.Committee.Take(2).ToList();
        await Reverts.With<NotCommitteeMemberError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, Sign(bridge, tree, members, chainId: 1))));
        await Reverts.With<NotCommitteeMemberError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, Sign(bridge, tree, members, inbox: bridge.B.Venue))));
    }

    [Fact]
    public async Task ForgedOrMalleatedSignature_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var tree = SomeTree(bridge);
        var signatures = Sign(bridge, tree, bridge.Committee.Take(2));
        var forged = new SignatureStruct { R = signatures[0].R, S = signatures[0].S, V = signatures[0].V };
        forged.R[5] ^= 0x40;
        await Assert.ThrowsAnyAsync<Nethereum.Contracts.SmartContractCustomErrorRevertException>(() =>
            bridge.B.SendAsync(WithSignatures(bridge, tree, [forged, signatures[1]])));

        // The same signature in its high-s form (s' = n - s, v flipped) must not be accepted.
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var highS = n - new System.Numerics.BigInteger(signatures[0].S, isUnsigned: true, isBigEndian: true);
        var malleated = new SignatureStruct { R = signatures[0].R, S = highS.ToByteArray(isUnsigned: true, isBigEndian: true), V = (byte)(signatures[0].V == 27 ? 28 : 27) };
        await Reverts.With<InvalidSignatureError>(() => bridge.B.SendAsync(WithSignatures(bridge, tree, [malleated, signatures[1]])));
    }

    [Fact]
    public async Task SecondRootForABatchNumberAlreadyUsed_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var route = TestBridge.Route(bridge.A, bridge.B);
        var tree = SomeTree(bridge);
        await bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, 1, tree));
        var other = new MerkleTree([MessageLeaf.Transfer(route, TestBridge.Transfer(bridge.B, 2, bridge.B.Admin.Address, 2))]);
        await Reverts.With<BatchAlreadySubmittedError>(() => bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, 1, other)));
    }

    [Fact]
    public async Task RootForARouteNotConfigured_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var route = TestBridge.Route(bridge.A, bridge.B);
        route.SrcContract = bridge.A.Venue;
        var tree = new MerkleTree([MessageLeaf.Transfer(route, TestBridge.Transfer(bridge.B, 1, bridge.B.Admin.Address, 1))]);
        await Reverts.With<UnknownRouteError>(() => bridge.B.SendAsync(bridge.RootSubmission(bridge.B, route, 1, tree)));
    }

    [Fact]
    public async Task OnlyTheAdmin_ChangesTheCommittee()
    {
        var bridge = await chains.NewBridgeAsync();
        await Reverts.With<NotAdminError>(() => bridge.B.SendAsync(
            new SetCommitteeFunction { Members = [chains.B.Accounts[2].Address], Threshold = 1 }, chains.B.Accounts[2]));
    }
}
