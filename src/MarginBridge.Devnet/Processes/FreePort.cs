using System.Net;
using System.Net.Sockets;

namespace MarginBridge.Devnet.Processes;

public static class FreePort
{
    private const int LowestPort = 20000;
    private static readonly HashSet<int> Handed = [];
    private static readonly int EphemeralLow = ReadEphemeralLow();

    /// <summary>
    /// A loopback TCP port that was free a moment ago and that this process has not handed out before. It is taken
    /// below the OS's ephemeral range: a port the OS picked for us (port 0) comes from that range, and any outgoing
    /// connection may take it as its local port before the child process binds it — which made anvil exit at start.
    /// </summary>
    public static int Next()
    {
        lock (Handed)
        {
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(LowestPort, EphemeralLow);
                if (!Handed.Contains(port) && CanBind(port))
                {
                    Handed.Add(port);
                    return port;
                }
            }
        }

        throw new InvalidOperationException($"no free loopback port between {LowestPort} and {EphemeralLow}");
    }

    public static async Task WaitUntilListeningAsync(int port, Func<bool> hasExited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (hasExited())
            {
                throw new InvalidOperationException($"the process meant to listen on port {port} exited");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new TimeoutException($"nothing listened on 127.0.0.1:{port} within {timeout.TotalSeconds:0} s");
    }

    private static bool CanBind(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of Linux's ephemeral range; 32768 (its usual start, and the BSDs' 49152 lies above it) elsewhere.</summary>
    private static int ReadEphemeralLow()
    {
        const string RangeFile = "/proc/sys/net/ipv4/ip_local_port_range";
        var fields = File.Exists(RangeFile) ? File.ReadAllText(RangeFile).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : [];
        return fields.Length > 0 && int.TryParse(fields[0], out var low) && low > LowestPort + 1000 ? low : 32768;
    }
}
