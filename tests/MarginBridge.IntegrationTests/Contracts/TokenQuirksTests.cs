using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet.Deployment;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Tokens that do not behave like a plain ERC-20 (contracts/test).</summary>
[Collection(BridgeContractsCollection.Name)]
public sealed class TokenQuirksTests(BridgeContractsFixture chains)
{
    private sealed class FeeOnTransferTokenDeployment() : ContractDeploymentMessage(ContractArtifact.Load("FeeOnTransferToken").Bytecode);

    private sealed class NoReturnTokenDeployment() : ContractDeploymentMessage(ContractArtifact.Load("NoReturnToken").Bytecode);

    private static async Task<string> DeployAsync<TDeployment>(BridgeSide side)
        where TDeployment : ContractDeploymentMessage, new() =>
        (await side.Node.Web3For(side.Admin).Eth.GetContractDeploymentHandler<TDeployment>().SendRequestAndWaitForReceiptAsync(new TDeployment())).ContractAddress;

    [Fact]
    public async Task TokenThatTakesAFeeOnTransfer_IsRefused_AndNothingIsCredited()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[1];
        var token = await DeployAsync<FeeOnTransferTokenDeployment>(bridge.A);
        var web3 = chains.A.Web3For(trader);
        await BridgeWiring.SendAsync(web3, token, new MintFunction { To = trader.Address, Amount = 1_000 });
        await BridgeWiring.SendAsync(web3, token, new ApproveFunction { Spender = bridge.A.Vault, Amount = 1_000 });

        var error = await Reverts.With<UnexpectedReceivedAmountError>(() => bridge.A.SendAsync(new DepositFunction { Token = token, Amount = 1_000 }, trader));
        Assert.Equal((1_000, 990), ((int)error.Expected, (int)error.Received));
        Assert.Equal(0, await bridge.A.QueryAsync<VaultBalanceOfFunction, BigInteger>(new VaultBalanceOfFunction { Account = trader.Address, Token = token }));
    }

    [Fact]
    public async Task TokenWhoseTransfersReturnNothing_DepositsAndWithdraws()
    {
        var bridge = await chains.NewBridgeAsync();
        var trader = chains.A.Accounts[2];
        var token = await DeployAsync<NoReturnTokenDeployment>(bridge.A);
        var web3 = chains.A.Web3For(trader);
        await BridgeWiring.SendAsync(web3, token, new MintFunction { To = trader.Address, Amount = 1_000 });
        await BridgeWiring.SendAsync(web3, token, new ApproveFunction { Spender = bridge.A.Vault, Amount = 1_000 });
        await bridge.A.SendAsync(new SetOutflowLimitFunction { Token = token, Capacity = 1_000, PeriodSeconds = 60 });

        await bridge.A.SendAsync(new DepositFunction { Token = token, Amount = 1_000 }, trader);
        var block = await web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest());
        var clearance = new ClearanceStruct { Account = trader.Address, Token = token, Amount = 400, Nonce = 1, Expiry = (ulong)block.Timestamp.Value + 60 };
        var digest = TypedData.Clearance(TypedData.DomainSeparator((ulong)chains.A.ChainId, bridge.A.Vault), clearance);
        await bridge.A.SendAsync(new WithdrawFunction { Clearance = clearance, Signatures = CommitteeSignatures.Sign(digest, bridge.Committee.Take(2)) }, trader);

        Assert.Equal(600, await bridge.A.QueryAsync<VaultBalanceOfFunction, BigInteger>(new VaultBalanceOfFunction { Account = trader.Address, Token = token }));
        Assert.Equal(400, await web3.Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(token, new TokenBalanceOfFunction { Account = trader.Address }));
    }
}
