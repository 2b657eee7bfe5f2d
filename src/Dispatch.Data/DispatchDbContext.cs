using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Dispatch.Data.Configurations;
using Dispatch.Data.Feed;
using Dispatch.Data.Postgres;
using Dispatch.Data.Sqlite;
using Dispatch.Domain.Cases;
using Dispatch.Domain.Directory;
using Microsoft.EntityFrameworkCore;

namespace Dispatch.Data;

/// <summary>
/// A node's database: cases with their history, the node-wide case feed, the directory (with its routing rules) and the stored
/// bulletins. Created by the pooled factory that <c>AddDispatchData</c> registers; one instance per unit of work.
/// </summary>
public sealed class DispatchDbContext(DbContextOptions<DispatchDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Case> Cases => Set<Case>();

    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();

    public DbSet<CaseFeedEntry> CaseFeed => Set<CaseFeedEntry>();

    public DbSet<Grid> Grids => Set<Grid>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<User> Users => Set<User>();

    public DbSet<Domain.Routing.RoutingRule> RoutingRules => Set<Domain.Routing.RoutingRule>();

    public DbSet<Escalation.OutboxMessage> Outbox => Set<Escalation.OutboxMessage>();

    public DbSet<Escalation.ParentCursor> ParentCursors => Set<Escalation.ParentCursor>();

    public DbSet<Domain.Supervision.SupervisionOrder> SupervisionOrders => Set<Domain.Supervision.SupervisionOrder>();

    public DbSet<Bulletins.Bulletin> Bulletins => Set<Bulletins.Bulletin>();
    public DbSet<Settings.NodeSetting> NodeSettings => Set<Settings.NodeSetting>();

    /// <summary>
    /// The node's ASP.NET Core data-protection keys (sign-in cookies, antiforgery, the dashboard's circuits), kept with
    /// its data: the replicas of a node share them, and a restored node reads the cookies it issued.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc cref="DbContext.SaveChanges(bool)"/>
    /// <remarks>
    /// A stale change of a case throws <see cref="DbUpdateConcurrencyException"/> and writes nothing.
    /// Appends to the case feed commit in sequence order (see <see cref="FeedOrdering"/>).
    /// </remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return FeedOrdering.Save(this, base.SaveChanges, acceptAllChangesOnSuccess);
        }
        catch (DbUpdateException exception) when (HistoryConflict.IsCause(exception))
        {
            throw HistoryConflict.ToConcurrencyException(exception);
        }
    }

    /// <inheritdoc cref="DbContext.SaveChangesAsync(bool, CancellationToken)"/>
    /// <remarks>
    /// A stale change of a case throws <see cref="DbUpdateConcurrencyException"/> and writes nothing.
    /// Appends to the case feed commit in sequence order (see <see cref="FeedOrdering"/>).
    /// </remarks>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await FeedOrdering.SaveAsync(this, base.SaveChangesAsync, acceptAllChangesOnSuccess, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (HistoryConflict.IsCause(exception))
        {
            throw HistoryConflict.ToConcurrencyException(exception);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Provider-specific, hence here and not in the entity configurations; the model is cached per
        // provider, so one process can hold both.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
        else if (Database.IsSqlServer())
        {
            SqlServer.SqlServerModel.ConfigureConventions(configurationBuilder);
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CaseConfiguration());
        modelBuilder.ApplyConfiguration(new CaseEventConfiguration());
        modelBuilder.ApplyConfiguration(new CaseFeedEntryConfiguration());
        modelBuilder.ApplyConfiguration(new GridConfiguration());
        modelBuilder.ApplyConfiguration(new DepartmentConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new RoutingRuleConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new ParentCursorConfiguration());
        modelBuilder.ApplyConfiguration(new SupervisionOrderConfiguration());
        modelBuilder.ApplyConfiguration(new BulletinConfiguration());
        modelBuilder.ApplyConfiguration(new NodeSettingConfiguration());
        modelBuilder.ApplyConfiguration(new DataProtectionKeyConfiguration());
        SnakeCaseNaming.Apply(modelBuilder);
        if (Database.IsSqlServer())
        {
            SqlServer.SqlServerModel.ApplyCollation(modelBuilder);
        }
    }
}
