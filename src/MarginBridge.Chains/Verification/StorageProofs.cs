using MarginBridge.Chains.Contracts;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Merkle.Patricia;
using Nethereum.Model;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Util.HashProviders;

namespace MarginBridge.Chains.Verification;

/// <summary>
/// Checks an <c>eth_getProof</c> answer against a block's state root, trusting nothing the
/// endpoint said beyond the proof nodes themselves: the account proof must lead from the state
/// root to the vault's storage root, the storage proof from there to the slot's value.
/// (Nethereum's StorageProofVerification refused valid anvil proofs; walking the trie with
/// PatriciaTrie over the proof nodes is what works, and is what this does.)
/// </summary>
public static class StorageProofs
{
    private static readonly Sha3KeccackHashProvider Keccak = new();

    /// <summary>The storage key of <c>sentMessages[leaf]</c> in MarginVault.</summary>
    public static byte[] SentMessageSlot(byte[] leaf)
    {
        var slot = ContractArtifact.Load("MarginVault").StorageSlots["sentMessages"];
        var preimage = new byte[64];
        leaf.CopyTo(preimage, 0);
        new System.Numerics.BigInteger(slot).TryWriteBytes(preimage.AsSpan(32 + 31, 1), out _, isUnsigned: true, isBigEndian: true);
        return Sha3Keccack.Current.CalculateHash(preimage);
    }

    /// <summary>True when the proof shows, under <paramref name="stateRoot"/>, that the vault's
    /// storage at <paramref name="slot"/> holds exactly the value 1 (a <c>true</c> bool).</summary>
    public static bool ProvesTrue(byte[] stateRoot, string vault, byte[] slot, AccountProof proof)
    {
        var storageRoot = proof.StorageHash.HexToByteArray();
        var account = new Account
        {
            Nonce = proof.Nonce.Value,
            Balance = proof.Balance.Value,
            StateRoot = storageRoot,
            CodeHash = proof.CodeHash.HexToByteArray(),
        };
        if (!AccountProofVerification.VerifyAccountProofs(vault, stateRoot, proof.AccountProofs.Select(p => p.HexToByteArray()), account))
        {
            return false;
        }

        var key = new System.Numerics.BigInteger(slot, isUnsigned: true, isBigEndian: true);
        var storageProof = proof.StorageProof.FirstOrDefault(p => p.Key.Value == key);
        if (storageProof is null)
        {
            return false;
        }

        var nodes = new InMemoryTrieStorage();
        foreach (var node in storageProof.Proof.Select(p => p.HexToByteArray()))
        {
            nodes.Put(Keccak.ComputeHash(node), node);
        }

        var trie = new PatriciaTrie(storageRoot);
        var value = trie.Get(Keccak.ComputeHash(slot), nodes);
        return trie.Root.GetHash().AsSpan().SequenceEqual(storageRoot) && value is [0x01];
    }
}
