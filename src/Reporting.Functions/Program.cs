// Minimal host so the Functions project builds and publishes on its own.
// The Functions work replaces this file with the real wiring (services, options, middleware).
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Build().Run();
