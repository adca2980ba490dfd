using System.Runtime.InteropServices;
using PacsNode.Host.Commands;

// The pacsnode program: one dispatcher in front of every subcommand (see Commands/CommandRegistry.cs).
// The first SIGINT or SIGTERM cancels the token handed to the command; a second SIGINT ends the process.
using var cancellation = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => RequestStop(context, cancellation));
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => RequestStop(context, cancellation));

return await CommandDispatcher.RunAsync(args, CommandRegistry.Commands, Console.Out, Console.Error, cancellation.Token);

static void RequestStop(PosixSignalContext context, CancellationTokenSource cancellation)
{
    if (cancellation.IsCancellationRequested)
    {
        return;
    }

    context.Cancel = true;
    cancellation.Cancel();
}
