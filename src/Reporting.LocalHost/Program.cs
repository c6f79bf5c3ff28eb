using Reporting.LocalHost;

await using var host = await LocalHostApp.CreateAsync(args);
await host.StartAsync();
Console.WriteLine($"""

    法治政府建设报告系统（本地运行）
      提交表单:  {host.BaseAddress}api/form
      函数:      {string.Join(", ", host.Functions.Select(f => $"{f.Name} ({f.Kind})"))}
      邮件:      未配置 SMTP 时写入 .local/mail/*.eml
    按 Ctrl+C 退出。
    """);
await host.WaitForShutdownAsync();
