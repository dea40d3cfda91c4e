using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet.Processes;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Withdrawals need a committee-signed margin clearance; the outflow limit and the pause hold the funds back.</summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class WithdrawalTests(BridgeContractsFixture chains)
{
    private static async Task<ulong> NowAsync(BridgeSide side) =>
        (ulong)(await side.Node.Web3For(side.Admin).Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest())).Timestamp.Value;

    private static async Task<WithdrawFunction> ClearedAsync(TestBridge bridge, DevAccount account, BigInteger amount, ulong nonce, IEnumerable<EthECKey>? signers = null, ulong? chainId = null, string? vault = null, long expiresIn = 3_600)
    {
        var clearance = new ClearanceStruct
        {
            Account = account.Address,
            Token = bridge.A.Token,
            Amount = amount,
            Nonce = nonce,
            Expiry = (ulong)((long)await NowAsync(bridge.A) + expiresIn),
        };
        var digest = TypedData.Clearance(TypedData.DomainSeparator(chainId ?? (ulong)bridge.A.Node.ChainId, vault ?? bridge.A.Vault), clearance);
        return new WithdrawFunction { Clearance = clearance, Signatures = CommitteeSignatures.Sign(digest, signers ?? bridge.Committee.Take(2)) };
    }

    private static Task<BigInteger> WalletAsync(BridgeSide side, string account) =>
        side.Node.Web3For(side.Admin).Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(side.Token, new TokenBalanceOfFunction { Account = account });

    [Fact]
    public async Task WithdrawalWithAValidClearance_PaysTheAccount_Once()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[1];
        await bridge.A.DepositAsync(trader, 1_000);
        var wallet = await WalletAsync(bridge.A, trader.Address);
        var withdrawal = await ClearedAsync(bridge, trader, 300, nonce: 1);

        await bridge.A.SendAsync(withdrawal, trader);
        Assert.Equal(700, await bridge.A.BalanceAsync(trader.Address));
        Assert.Equal(wallet + 300, await WalletAsync(bridge.A, trader.Address));
        await Reverts.With<ClearanceAlreadyUsedError>(() => bridge.A.SendAsync(withdrawal, trader));
    }

    [Fact]
    public async Task ExpiredClearance_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[2];
        await bridge.A.DepositAsync(trader, 10);
        await Reverts.With<ClearanceExpiredError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 1, expiresIn: -1), trader));
    }

    [Fact]
    public async Task ClearanceForAnotherChainOrContract_OrFromANonMember_IsRefused()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[3];
        await bridge.A.DepositAsync(trader, 10);
        await Reverts.With<NotCommitteeMemberError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 1, chainId: (ulong)bridge.B.Node.ChainId), trader));
        await Reverts.With<NotCommitteeMemberError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 2, vault: bridge.A.Venue), trader));
        await Reverts.With<NotCommitteeMemberError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 3, signers: [bridge.Committee[0], EthECKey.GenerateKey()]), trader));
        Assert.Equal(10, await bridge.A.BalanceAsync(trader.Address));
    }

    [Fact]
    public async Task WithdrawalOverTheOutflowLimit_Reverts_AndTheFundsStay()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[4];
        var tooMuch = TestBridge.OutflowCapacity + 1;
        await bridge.A.DepositAsync(trader, tooMuch);

        var error = await Reverts.With<RateLimitExceededError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, tooMuch, 1), trader));
        Assert.Equal(TestBridge.OutflowCapacity, error.Available);
        Assert.Equal(tooMuch, await bridge.A.BalanceAsync(trader.Address));

        // The outbound transfer path draws on the same bucket.
        await Reverts.With<RateLimitExceededError>(() => bridge.A.SendAsync(
            new InitiateTransferFunction { DstChainId = (ulong)bridge.B.Node.ChainId, Token = bridge.A.Token, Amount = tooMuch, Recipient = trader.Address }, trader));
    }

    [Fact]
    public async Task Paused_StopsWithdrawalsTransfersAndExecutions_ButNotDeposits_AndOnlyTheAdminUnpauses()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[1];
        await bridge.A.DepositAsync(trader, 100);
        await Reverts.With<NotGuardianError>(() => bridge.A.SendAsync(new PauseFunction(), trader));
        await bridge.A.SendAsync(new PauseFunction(), bridge.A.Guardian);

        await Reverts.With<ContractPausedError>(async () => await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 1), trader));
        await Reverts.With<ContractPausedError>(() => bridge.A.SendAsync(
            new InitiateTransferFunction { DstChainId = (ulong)bridge.B.Node.ChainId, Token = bridge.A.Token, Amount = 10, Recipient = trader.Address }, trader));
        var inbound = await bridge.AcceptedBatchAsync(bridge.B, bridge.A, 1, [TestBridge.Transfer(bridge.A, 1, trader.Address, 1)]);
        await Reverts.With<ContractPausedError>(() => bridge.A.SendAsync(
            new ExecuteTransferFunction { Route = inbound.Route, BatchNumber = 1, Transfer = inbound.Transfers[0], Proof = inbound.Tree.Proof(0) }));
        await bridge.A.DepositAsync(trader, 5);
        Assert.Equal(105, await bridge.A.BalanceAsync(trader.Address));

        await Reverts.With<NotAdminError>(() => bridge.A.SendAsync(new UnpauseFunction(), bridge.A.Guardian));
        await bridge.A.SendAsync(new UnpauseFunction());
        await bridge.A.SendAsync(await ClearedAsync(bridge, trader, 10, 1), trader);
    }
}
