using Microsoft.AspNetCore.Diagnostics;

namespace MarginBridge.Silo.Api;

/// <summary>
/// While the cluster recovers from a lost silo, grain calls can fail for a few seconds. The API then
/// answers 503 with a problem-details body telling the caller to retry, instead of a bare 500.
/// </summary>
internal sealed class ClusterUnavailableHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "2";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The cluster is recovering; retry shortly",
                Detail = exception.GetType().Name,
            },
        });
    }
}
