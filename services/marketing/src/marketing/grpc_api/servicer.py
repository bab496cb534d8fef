"""MarketingService: proto in, use case, proto out. No rules here."""

from __future__ import annotations

from crm.common.v1 import paging_pb2
from crm.marketing.v1 import marketing_service_pb2 as pb
from crm.marketing.v1 import marketing_service_pb2_grpc as pb_grpc
from crm_chassis import identity
from marketing.domain.commands import campaigns, imports, leads, rules
from marketing.domain.common import parse_date
from marketing.domain.ports import CustomerDirectory, UowFactory
from marketing.domain.settings import MarketingSettings
from marketing.grpc_api import mapping as m


def _page(options: pb.ListOptions) -> dict[str, object]:
    return {
        "limit": options.page.limit,
        "cursor": options.page.cursor,
        "filter": options.filter,
        "order_by": options.order_by,
    }


def _next(cursor: str) -> paging_pb2.PageResponse:
    return paging_pb2.PageResponse(next_cursor=cursor)


class MarketingServicer(pb_grpc.MarketingServiceServicer):
    def __init__(
        self, uow_factory: UowFactory, settings: MarketingSettings, directory: CustomerDirectory | None
    ) -> None:
        self.uow = uow_factory
        self.settings = settings
        self.directory = directory

    # -- campaigns ---------------------------------------------------------------------------
    def CreateCampaign(self, request, context):  # type: ignore[no-untyped-def]
        c = campaigns.create_campaign(self.uow, identity.current(), m.campaign_fields(request.campaign))
        return pb.CreateCampaignResponse(campaign=m.campaign_to_proto(c))

    def GetCampaign(self, request, context):  # type: ignore[no-untyped-def]
        c = campaigns.get_campaign(self.uow, identity.current(), request.id)
        return pb.GetCampaignResponse(campaign=m.campaign_to_proto(c))

    def ListCampaigns(self, request, context):  # type: ignore[no-untyped-def]
        page = campaigns.list_campaigns(self.uow, identity.current(), **_page(request.options))
        return pb.ListCampaignsResponse(
            campaigns=[m.campaign_to_proto(c) for c in page.items], page=_next(page.next_cursor)
        )

    def UpdateCampaign(self, request, context):  # type: ignore[no-untyped-def]
        names = list(request.fields)
        c = campaigns.update_campaign(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            build=lambda current: m.patch_fields(current, request.patch, names),
            names=names,
        )
        return pb.UpdateCampaignResponse(campaign=m.campaign_to_proto(c))

    def TransitionCampaign(self, request, context):  # type: ignore[no-untyped-def]
        c = campaigns.transition(
            self.uow,
            identity.current(),
            self.settings,
            request.id,
            request.action,
            expected_version=request.expected_version,
            comment=request.comment,
        )
        return pb.TransitionCampaignResponse(campaign=m.campaign_to_proto(c))

    def RecordCampaignCost(self, request, context):  # type: ignore[no-untyped-def]
        from marketing.domain.common import money

        amount = money(request.amount.minor_units, request.amount.currency_code, "amount", positive=True)
        c, entry = campaigns.record_cost(
            self.uow,
            identity.current(),
            request.campaign_id,
            amount,
            parse_date(request.incurred_on, "incurred_on"),
            request.description,
        )
        return pb.RecordCampaignCostResponse(campaign=m.campaign_to_proto(c), cost=m.cost_to_proto(entry))

    def ListCampaignCosts(self, request, context):  # type: ignore[no-untyped-def]
        c, page = campaigns.list_costs(
            self.uow, identity.current(), request.campaign_id, limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.ListCampaignCostsResponse(
            costs=[m.cost_to_proto(e) for e in page.items],
            page=_next(page.next_cursor),
            campaign=m.campaign_to_proto(c),
        )

    def AddCampaignMembers(self, request, context):  # type: ignore[no-untyped-def]
        c, added, skipped = campaigns.add_members(
            self.uow,
            identity.current(),
            self.settings,
            self.directory,
            request.campaign_id,
            lead_ids=list(request.lead_ids),
            customer_filter=request.customer_filter,
            customer_limit=request.customer_limit,
        )
        return pb.AddCampaignMembersResponse(added=added, skipped=skipped, campaign=m.campaign_to_proto(c))

    def ListCampaignMembers(self, request, context):  # type: ignore[no-untyped-def]
        page = campaigns.list_members(self.uow, identity.current(), request.campaign_id, **_page(request.options))
        return pb.ListCampaignMembersResponse(
            members=[m.member_to_proto(x) for x in page.items], page=_next(page.next_cursor)
        )

    def UpdateCampaignMember(self, request, context):  # type: ignore[no-untyped-def]
        member = campaigns.update_member(
            self.uow,
            identity.current(),
            request.campaign_id,
            request.member_id,
            request.response_status,
            expected_version=request.expected_version,
        )
        return pb.UpdateCampaignMemberResponse(member=m.member_to_proto(member))

    # -- leads -------------------------------------------------------------------------------
    def CreateLead(self, request, context):  # type: ignore[no-untyped-def]
        fields = m.lead_fields(request.lead, request.lead.HasField("estimated_budget"))
        origin = leads.Origin(
            source="manual", submission_id=request.submission_id[:100], creator_keeps=not request.auto_assign
        )
        result = leads.intake(self.uow, identity.current(), self.settings, fields, origin)
        return pb.CreateLeadResponse(
            lead=m.lead_to_proto(result.lead), merged=result.merged, touch=m.touch_to_proto(result.touch)
        )

    def GetLead(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetLeadResponse(lead=m.lead_to_proto(leads.get_lead(self.uow, identity.current(), request.id)))

    def ListLeads(self, request, context):  # type: ignore[no-untyped-def]
        page = leads.list_leads(self.uow, identity.current(), pool_only=request.pool_only, **_page(request.options))
        return pb.ListLeadsResponse(leads=[m.lead_to_proto(x) for x in page.items], page=_next(page.next_cursor))

    def UpdateLead(self, request, context):  # type: ignore[no-untyped-def]
        names = list(request.fields)
        lead = leads.update_lead(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            build=lambda current: m.lead_patch(current, request.patch, names),
            status=request.patch.status.strip().lower(),
            names=names,
        )
        return pb.UpdateLeadResponse(lead=m.lead_to_proto(lead))

    def AssignLead(self, request, context):  # type: ignore[no-untyped-def]
        lead = leads.assign_lead(
            self.uow, identity.current(), request.id, request.owner_id, expected_version=request.expected_version
        )
        return pb.AssignLeadResponse(lead=m.lead_to_proto(lead))

    def GrabLead(self, request, context):  # type: ignore[no-untyped-def]
        lead = leads.grab_lead(self.uow, identity.current(), self.settings, request.id)
        return pb.GrabLeadResponse(lead=m.lead_to_proto(lead))

    def ReleaseLead(self, request, context):  # type: ignore[no-untyped-def]
        lead = leads.release_lead(
            self.uow, identity.current(), request.id, expected_version=request.expected_version, reason=request.reason
        )
        return pb.ReleaseLeadResponse(lead=m.lead_to_proto(lead))

    def ConvertLead(self, request, context):  # type: ignore[no-untyped-def]
        opportunity = None
        if request.create_opportunity:
            o = request.opportunity
            from marketing.domain.common import bounded, money

            amount = money(o.amount.minor_units, o.amount.currency_code, "opportunity.amount")
            parse_date(o.expected_close_date, "opportunity.expected_close_date")
            opportunity = {
                "name": bounded(o.name, "opportunity.name"),
                "amount": amount.minor_units,
                "currency": amount.currency,
                "expected_close_date": o.expected_close_date.strip(),
                "stage": bounded(o.stage, "opportunity.stage", max_len=50),
            }
        lead = leads.convert_lead(
            self.uow,
            identity.current(),
            request.id,
            expected_version=request.expected_version,
            create_opportunity=request.create_opportunity,
            opportunity=opportunity,
            customer_id=request.customer_id.strip(),
        )
        return pb.ConvertLeadResponse(lead=m.lead_to_proto(lead))

    def DisqualifyLead(self, request, context):  # type: ignore[no-untyped-def]
        lead = leads.disqualify_lead(
            self.uow, identity.current(), request.id, expected_version=request.expected_version, reason=request.reason
        )
        return pb.DisqualifyLeadResponse(lead=m.lead_to_proto(lead))

    def ListLeadTouches(self, request, context):  # type: ignore[no-untyped-def]
        page = leads.list_touches(
            self.uow, identity.current(), request.lead_id, limit=request.page.limit, cursor=request.page.cursor
        )
        return pb.ListLeadTouchesResponse(
            touches=[m.touch_to_proto(x) for x in page.items], page=_next(page.next_cursor)
        )

    def ImportLeads(self, request, context):  # type: ignore[no-untyped-def]
        report = imports.import_leads(
            self.uow,
            identity.current(),
            self.settings,
            request.csv,
            dry_run=request.dry_run,
            auto_assign=request.auto_assign,
        )
        return pb.ImportLeadsResponse(
            dry_run=report.dry_run,
            total_rows=len(report.rows),
            created=report.count("created"),
            merged=report.count("merged"),
            invalid=report.count("invalid"),
            rows=[
                pb.ImportRowResult(
                    row=r.row, outcome=r.outcome, lead_id=r.lead_id, code=r.code, field=r.field, reason=r.reason
                )
                for r in report.rows
            ],
        )

    # -- assignment rules ----------------------------------------------------------------------
    def CreateAssignmentRule(self, request, context):  # type: ignore[no-untyped-def]
        rule = rules.create_rule(self.uow, identity.current(), m.rule_draft(request.rule))
        return pb.CreateAssignmentRuleResponse(rule=m.rule_to_proto(rule))

    def GetAssignmentRule(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetAssignmentRuleResponse(
            rule=m.rule_to_proto(rules.get_rule(self.uow, identity.current(), request.id))
        )

    def ListAssignmentRules(self, request, context):  # type: ignore[no-untyped-def]
        return pb.ListAssignmentRulesResponse(
            rules=[m.rule_to_proto(r) for r in rules.list_rules(self.uow, identity.current())]
        )

    def UpdateAssignmentRule(self, request, context):  # type: ignore[no-untyped-def]
        rule = rules.update_rule(
            self.uow,
            identity.current(),
            request.id,
            m.rule_draft(request.rule),
            expected_version=request.expected_version,
        )
        return pb.UpdateAssignmentRuleResponse(rule=m.rule_to_proto(rule))

    def DeleteAssignmentRule(self, request, context):  # type: ignore[no-untyped-def]
        rules.delete_rule(self.uow, identity.current(), request.id, expected_version=request.expected_version)
        return pb.DeleteAssignmentRuleResponse()

    # -- forms -------------------------------------------------------------------------------
    def CreateForm(self, request, context):  # type: ignore[no-untyped-def]
        form = rules.create_form(self.uow, identity.current(), m.form_draft(request.form))
        return pb.CreateFormResponse(form=m.form_to_proto(form))

    def GetForm(self, request, context):  # type: ignore[no-untyped-def]
        return pb.GetFormResponse(form=m.form_to_proto(rules.get_form(self.uow, identity.current(), request.id)))

    def ListForms(self, request, context):  # type: ignore[no-untyped-def]
        page = rules.list_forms(self.uow, identity.current(), **_page(request.options))
        return pb.ListFormsResponse(forms=[m.form_to_proto(f) for f in page.items], page=_next(page.next_cursor))

    def UpdateForm(self, request, context):  # type: ignore[no-untyped-def]
        form = rules.update_form(
            self.uow,
            identity.current(),
            request.id,
            m.form_draft(request.form),
            expected_version=request.expected_version,
        )
        return pb.UpdateFormResponse(form=m.form_to_proto(form))

    def SubmitForm(self, request, context):  # type: ignore[no-untyped-def]
        result = rules.submit_form(
            self.uow,
            identity.current(),
            self.settings,
            request.form_key,
            dict(request.values),
            submission_id=request.submission_id,
            utm=m.utm_in(request.utm),
        )
        if result.intake is None:
            return pb.SubmitFormResponse(thank_you_message=result.thank_you_message)
        return pb.SubmitFormResponse(
            thank_you_message=result.thank_you_message, lead_id=result.intake.lead.id, merged=result.intake.merged
        )
