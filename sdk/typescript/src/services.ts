import type { Client, Transport } from "@connectrpc/connect";
import { AccessService } from "./gen/platform/access/v1/access_service_pb.js";
import { AuditService } from "./gen/platform/audit/v1/audit_service_pb.js";
import { EntityService } from "./gen/platform/eav/v1/entity_service_pb.js";
import { EntityTypeService } from "./gen/platform/eav/v1/entity_type_service_pb.js";
import { PlanService } from "./gen/platform/quota/v1/plan_service_pb.js";
import { SearchService } from "./gen/platform/search/v1/search_service_pb.js";
import { QuotaService } from "./gen/platform/quota/v1/quota_service_pb.js";
import { TenantService } from "./gen/platform/tenancy/v1/tenant_service_pb.js";
import { CatalogService } from "./gen/platform/billing/v1/catalog_service_pb.js";
import { SubscriptionService } from "./gen/platform/billing/v1/subscription_service_pb.js";
import { InvoiceService } from "./gen/platform/billing/v1/invoice_service_pb.js";
import { UsageService } from "./gen/platform/billing/v1/usage_service_pb.js";
import { WalletService } from "./gen/platform/billing/v1/wallet_service_pb.js";
import { OperationService } from "./gen/platform/operations/v1/operations_service_pb.js";

/**
 * Every service of the Platform API v1, by the property name it gets on a PlatformClient.
 * A new service needs one line here (after `./generate.sh` produced its descriptor).
 */
export const platformServices = {
  tenants: TenantService,
  access: AccessService,
  audit: AuditService,
  plans: PlanService,
  quota: QuotaService,
  entityTypes: EntityTypeService,
  entities: EntityService,
  search: SearchService,
  operations: OperationService,
  catalog: CatalogService,
  subscriptions: SubscriptionService,
  invoices: InvoiceService,
  usage: UsageService,
  wallets: WalletService,
} as const;

export type PlatformServices = typeof platformServices;

/** Typed clients for every Platform service, plus the transport they share. */
export type PlatformClient = {
  readonly [K in keyof PlatformServices]: Client<PlatformServices[K]>;
} & {
  readonly transport: Transport;
};
