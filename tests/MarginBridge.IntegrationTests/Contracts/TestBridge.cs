using System.Numerics;
using MarginBridge.Chains.Contracts;
using MarginBridge.Chains.Proofs;
using MarginBridge.Devnet;
using MarginBridge.Devnet.Deployment;
using MarginBridge.Devnet.Processes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Signer;

namespace MarginBridge.IntegrationTests.Contracts;

/// <summary>Freshly deployed and wired bridge contracts on two chains, with a generated committee.</summary>
public sealed class TestBridge
{
    public static readonly BigInteger Liquidity = 1_000_000_000_000;

    public static readonly BigInteger InsuranceFund = 50_000_000_000;
    public static readonly BigInteger OutflowCapacity = 500_000_000_000;

    private TestBridge(BridgeSide a, BridgeSide b, IReadOnlyList<EthECKey> committee)
    {
        A = a;
        B = b;
        Committee = committee;
    }

    public BridgeSide A { get; }

    public BridgeSide B { get; }

    /// <summary>Members' keys, ordered by address (the order the inbox wants their signatures in).</summary>
    public IReadOnlyList<EthECKey> Committee { get; }

    public static async Task<TestBridge> DeployAsync(AnvilNode a, AnvilNode b, int committeeSize, byte threshold)
    {
        var committee = CommitteeKeys.Generate(committeeSize);
        var sides = await Task.WhenAll(new[] { a, b }.Select(BridgeSide.DeployAsync));
        await BridgeWiring.WireAsync(
            [.. sides.Select(s => new WiredChain(s.Node, s.Vault, s.Token, s.Admin, InsuranceFund))],
            [.. committee.Select(k => k.GetPublicAddress())],
            threshold,
            new BridgeLimits(OutflowCapacity, 3_600, Liquidity));
        return new TestBridge(sides[0], sides[1], committee);
    }

    public static RouteStruct Route(BridgeSide source, BridgeSide destination) => new()
    {
        SrcChainId = (ulong)source.Node.ChainId,
        SrcContract = source.Vault,
        DstChainId = (ulong)destination.Node.ChainId,
        DstContract = destination.Vault,
    };

    public static TransferStruct Transfer(BridgeSide destination, ulong nonce, string recipient, BigInteger amount, ulong expiry = 0) => new()
    {
        Nonce = nonce,
        Expiry = expiry,
        Token = destination.Token,
        Recipient = recipient,
        Amount = amount,
    };

    /// <summary>Signatures of the given members over the root attestation for <paramref name="destination"/>'s inbox.</summary>
    public static List<SignatureStruct> SignRoot(BridgeSide destination, RouteStruct route, ulong batchNumber, byte[] root, uint count, IEnumerable<EthECKey> signers, ulong? chainId = null, string? inbox = null) =>
        CommitteeSignatures.Sign(
            TypedData.RootAttestation(TypedData.DomainSeparator(chainId ?? (ulong)destination.Node.ChainId, inbox ?? destination.Vault), route.SrcChainId, route.SrcContract, batchNumber, root, count),
            signers);

    public SubmitRootFunction RootSubmission(BridgeSide destination, RouteStruct route, ulong batchNumber, MerkleTree tree, IEnumerable<EthECKey>? signers = null) => new()
    {
        SrcChainId = route.SrcChainId,
        SrcContract = route.SrcContract,
        BatchNumber = batchNumber,
        Root = tree.Root,
        MessageCount = (uint)tree.LeafCount,
        Signatures = SignRoot(destination, route, batchNumber, tree.Root, (uint)tree.LeafCount, signers ?? Committee.Take(2)),
    };

    /// <summary>A batch of transfers to <paramref name="destination"/> whose root the committee accepted there.</summary>
    public async Task<(MerkleTree Tree, List<TransferStruct> Transfers, RouteStruct Route)> AcceptedBatchAsync(
        BridgeSide source, BridgeSide destination, ulong batchNumber, IReadOnlyList<TransferStruct> transfers)
    {
        var route = Route(source, destination);
        var tree = new MerkleTree([.. transfers.Select(t => MessageLeaf.Transfer(route, t))]);
        await destination.SendAsync(RootSubmission(destination, route, batchNumber, tree));
        return (tree, [.. transfers], route);
    }
}

/// <summary>One chain's bridge contracts and the accounts that act on them.</summary>
public sealed class BridgeSide
{
    private BridgeSide(AnvilNode node, string vault, string token, string venue)
    {
        Node = node;
        Vault = vault;
        Token = token;
        Venue = venue;
    }

    public AnvilNode Node { get; }

    public string Vault { get; }

    public string Token { get; }

    public string Venue { get; }

    public DevAccount Admin => Node.Accounts[0];

    public DevAccount Guardian => Node.Accounts[5];

    public static async Task<BridgeSide> DeployAsync(AnvilNode node)
    {
        var deployment = await ChainDeployer.DeployAsync(node, node.Accounts[0], node.Accounts[5], new DevnetProfile.CollateralSection());
        return new BridgeSide(node, deployment.Vault, deployment.Token, deployment.Venue);
    }

    public Task<TransactionReceipt> SendAsync<TMessage>(TMessage message, DevAccount? from = null)
        where TMessage : FunctionMessage, new() =>
        BridgeWiring.SendAsync(Node.Web3For(from ?? Admin), Vault, message);

    public Task<TOutput> QueryAsync<TMessage, TOutput>(TMessage message)
        where TMessage : FunctionMessage, new() =>
        Node.Web3For(Admin).Eth.GetContractQueryHandler<TMessage>().QueryAsync<TOutput>(Vault, message);

    public Task<BigInteger> BalanceAsync(string account) =>
        QueryAsync<VaultBalanceOfFunction, BigInteger>(new VaultBalanceOfFunction { Account = account, Token = Token });

    public Task<BigInteger> LiquidityAsync() => QueryAsync<LiquidityFunction, BigInteger>(new LiquidityFunction { Token = Token });

    public Task<BigInteger> InsuranceFundAsync() => QueryAsync<InsuranceFundFunction, BigInteger>(new InsuranceFundFunction { Token = Token });

    public Task<BigInteger> CustodyAsync() =>
        Node.Web3For(Admin).Eth.GetContractQueryHandler<TokenBalanceOfFunction>().QueryAsync<BigInteger>(Token, new TokenBalanceOfFunction { Account = Vault });

    public async Task<TransactionReceipt> DepositAsync(DevAccount account, BigInteger amount) =>
        await new CollateralClient(Node, account, Token, Vault).MintAndDepositAsync(amount);
}
