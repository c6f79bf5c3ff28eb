using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Reporting.Functions;
using Reporting.Functions.Telemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseReportingMiddleware();
builder.Services.AddReporting(builder.Configuration);
builder.Services.AddReportingTelemetry(builder.Configuration);
builder.Build().Run();
