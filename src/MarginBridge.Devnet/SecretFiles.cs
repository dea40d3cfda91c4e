namespace MarginBridge.Devnet;

/// <summary>Keys and tokens the devnet generates: written into its data folder only, readable by the owner only.</summary>
internal static class SecretFiles
{
    public static async Task WriteAsync(string file, string secret, CancellationToken cancellationToken = default)
    {
        await File.WriteAllTextAsync(file, secret, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
