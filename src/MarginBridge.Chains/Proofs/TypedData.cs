using MarginBridge.Chains.Contracts;
using Nethereum.Util;

namespace MarginBridge.Chains.Proofs;

/// <summary>
/// EIP-712 digests of what the committee signs (root attestations, margin clearances) and of
/// what an account signs (move and withdrawal requests). The domain binds the chain id and the verifying contract, so a
/// signature for one chain or one inbox is worthless on another.
/// </summary>
public static class TypedData
{
    private static readonly byte[] DomainTypeHash = Keccak("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    private static readonly byte[] RootTypeHash = Keccak("RootAttestation(uint64 srcChainId,address srcContract,uint64 batchNumber,bytes32 root,uint32 messageCount)");
    private static readonly byte[] ClearanceTypeHash = Keccak("Clearance(address account,address token,uint256 amount,uint64 nonce,uint64 expiry)");
    private static readonly byte[] MoveTypeHash = Keccak("MoveRequest(address account,uint64 dstChainId,address token,uint256 amount,address recipient,uint64 nonce,uint64 deadline)");
    private static readonly byte[] WithdrawalTypeHash = Keccak("WithdrawalRequest(address account,address token,uint256 amount,uint64 nonce,uint64 deadline)");
    private static readonly byte[] NameHash = Keccak("MarginBridge");
    private static readonly byte[] VersionHash = Keccak("1");

    public static byte[] DomainSeparator(ulong chainId, string verifyingContract)
    {
        var buffer = new byte[32 * 5];
        var words = new AbiWords(buffer);
        words.Bytes32(DomainTypeHash);
        words.Bytes32(NameHash);
        words.Bytes32(VersionHash);
        words.Unsigned(chainId);
        words.Address(verifyingContract);
        return Sha3Keccack.Current.CalculateHash(buffer);
    }

    public static byte[] RootAttestation(byte[] domainSeparator, ulong srcChainId, string srcContract, ulong batchNumber, byte[] root, uint messageCount)
    {
        var buffer = new byte[32 * 6];
        var words = new AbiWords(buffer);
        words.Bytes32(RootTypeHash);
        words.Unsigned(srcChainId);
        words.Address(srcContract);
        words.Unsigned(batchNumber);
        words.Bytes32(root);
        words.Unsigned(messageCount);
        return Digest(domainSeparator, buffer);
    }

    public static byte[] Clearance(byte[] domainSeparator, ClearanceStruct clearance)
    {
        var buffer = new byte[32 * 6];
        var words = new AbiWords(buffer);
        words.Bytes32(ClearanceTypeHash);
        words.Address(clearance.Account);
        words.Address(clearance.Token);
        words.Unsigned(clearance.Amount);
        words.Unsigned(clearance.Nonce);
        words.Unsigned(clearance.Expiry);
        return Digest(domainSeparator, buffer);
    }

    /// <summary>
    /// The digest an account signs to ask for a clearance to withdraw from a vault (the vault's
    /// domain; the vault never sees it, the silo and every committee member check it).
    /// </summary>
    public static byte[] WithdrawalRequest(byte[] domainSeparator, string account, string token, System.Numerics.BigInteger amount, ulong nonce, ulong deadline)
    {
        var buffer = new byte[32 * 6];
        var words = new AbiWords(buffer);
        words.Bytes32(WithdrawalTypeHash);
        words.Address(account);
        words.Address(token);
        words.Unsigned(amount);
        words.Unsigned(nonce);
        words.Unsigned(deadline);
        return Digest(domainSeparator, buffer);
    }

    /// <summary>The digest an account signs to move collateral out of the source vault (its domain).</summary>
    public static byte[] MoveRequest(byte[] domainSeparator, MoveRequestStruct move)
    {
        var buffer = new byte[32 * 8];
        var words = new AbiWords(buffer);
        words.Bytes32(MoveTypeHash);
        words.Address(move.Account);
        words.Unsigned(move.DstChainId);
        words.Address(move.Token);
        words.Unsigned(move.Amount);
        words.Address(move.Recipient);
        words.Unsigned(move.Nonce);
        words.Unsigned(move.Deadline);
        return Digest(domainSeparator, buffer);
    }

    private static byte[] Digest(byte[] domainSeparator, byte[] structEncoding)
    {
        var message = new byte[66];
        message[0] = 0x19;
        message[1] = 0x01;
        domainSeparator.CopyTo(message, 2);
        Sha3Keccack.Current.CalculateHash(structEncoding).CopyTo(message, 34);
        return Sha3Keccack.Current.CalculateHash(message);
    }

    private static byte[] Keccak(string text) => Sha3Keccack.Current.CalculateHash(System.Text.Encoding.UTF8.GetBytes(text));
}
