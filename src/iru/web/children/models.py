"""Children and their statutory records, holding every column of the Dataset's tables.

Each record keeps the DfE fields of its `iru.data.dataset` table (so the database reads back
into the same Dataset) and where it came from (`source_file`, `source_row`).
"""

from __future__ import annotations

from django.db import models


class Sourced(models.Model):
    """Where an imported row came from: its file (relative to the source) and row or line."""

    source_file = models.CharField(max_length=500, blank=True)
    source_row = models.BigIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class Child(Sourced):
    """A child, identified by the authority's case-management ID (`CHILD` = `LAchildID`).

    The SSDA903 header fields live here; names come from staff or the unit's files, never
    from the returns. `in_ssda903` says whether the child has an SSDA903 header row.
    """

    la_child_id = models.CharField("ID", max_length=64, unique=True)  # CHILD, LAchildID
    given_name = models.CharField(max_length=100, blank=True)
    family_name = models.CharField(max_length=100, blank=True)
    in_ssda903 = models.BooleanField(default=False)
    sex = models.CharField(max_length=8, blank=True, null=True)  # SEX
    dob = models.DateField(null=True, blank=True)  # DOB
    ethnic = models.CharField(max_length=8, blank=True, null=True)  # ETHNIC
    upn = models.CharField("UPN", max_length=16, blank=True, null=True)  # UPN
    mother = models.CharField(max_length=8, blank=True, null=True)  # MOTHER
    mc_dob = models.DateField(null=True, blank=True)  # MC_DOB

    class Meta:
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return self.la_child_id


class CinChild(Sourced):
    """The CIN census's child-level record (its `<Child>` identifiers and characteristics)."""

    child = models.OneToOneField(Child, on_delete=models.CASCADE, related_name="cin_record")
    upn = models.CharField(max_length=16, blank=True, null=True)  # UPN
    birth_date = models.DateField(null=True, blank=True)  # PersonBirthDate
    expected_birth_date = models.DateField(null=True, blank=True)  # ExpectedPersonBirthDate
    sex = models.CharField(max_length=8, blank=True, null=True)  # Sex
    ethnicity = models.CharField(max_length=8, blank=True, null=True)  # Ethnicity
    death_date = models.DateField(null=True, blank=True)  # PersonDeathDate
    disabilities = models.CharField(max_length=200, blank=True, null=True)  # Disabilities


class Episode(Sourced):
    """An SSDA903 episode of care."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="episodes")
    decom = models.DateField()
    rne = models.CharField(max_length=8, blank=True, null=True)
    ls = models.CharField(max_length=8, blank=True, null=True)
    cin = models.CharField(max_length=8, blank=True, null=True)
    place = models.CharField(max_length=8, blank=True, null=True)
    place_provider = models.CharField(max_length=8, blank=True, null=True)
    dec = models.DateField(null=True, blank=True)
    rec = models.CharField(max_length=8, blank=True, null=True)
    reason_place_change = models.CharField(max_length=16, blank=True, null=True)
    home_post = models.CharField(max_length=16, blank=True, null=True)
    pl_post = models.CharField(max_length=16, blank=True, null=True)
    urn = models.CharField(max_length=16, blank=True, null=True)
    pl_distance = models.FloatField(null=True, blank=True)
    pl_location = models.CharField(max_length=8, blank=True, null=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["child", "decom"], name="episode_child_decom"),
        )


class LacReview(Sourced):
    """An SSDA903 review (a looked-after child's statutory review)."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="lac_reviews")
    dob = models.DateField(null=True, blank=True)  # the Reviews table's own DOB
    review = models.DateField()
    review_code = models.CharField(max_length=8, blank=True, null=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["child", "review"], name="lacreview_child_review"),
        )


class CinDetail(Sourced):
    """A CIN census `<CINdetails>` block: one referral and what followed."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="cin_details")
    referral_date = models.DateField()  # CINreferralDate
    referral_source = models.CharField(max_length=8, blank=True, null=True)
    primary_need_code = models.CharField(max_length=8, blank=True, null=True)
    closure_date = models.DateField(null=True, blank=True)  # CINclosureDate
    reason_for_closure = models.CharField(max_length=8, blank=True, null=True)
    date_of_initial_cpc = models.DateField(null=True, blank=True)
    referral_nfa = models.BooleanField(null=True, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["child", "referral_date"], name="cindetail_child_ref"),
        )


class Section47(Sourced):
    """A section 47 enquiry."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="section47s")
    cin_referral_date = models.DateField(null=True, blank=True)
    start = models.DateField()  # S47ActualStartDate
    initial_cpc_target = models.DateField(null=True, blank=True)
    date_of_initial_cpc = models.DateField(null=True, blank=True)
    icpc_not_required = models.BooleanField(null=True, blank=True)

    class Meta:
        verbose_name = "section 47 enquiry"
        verbose_name_plural = "section 47 enquiries"
        constraints = (models.UniqueConstraint(fields=["child", "start"], name="s47_child_start"),)


class CpPlan(Sourced):
    """A child protection plan."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="cp_plans")
    cin_referral_date = models.DateField(null=True, blank=True)
    start = models.DateField()  # CPPstartDate
    end = models.DateField(null=True, blank=True)  # CPPendDate
    initial_category = models.CharField(max_length=8, blank=True, null=True)
    latest_category = models.CharField(max_length=8, blank=True, null=True)
    number_of_previous_cpp = models.BigIntegerField(null=True, blank=True)
    # What the unit's own review conference decided (ADR 17): kept beside the census's fields,
    # never written over them, and never touched by an import (ADR 8). A plan the unit's
    # conference ended has nothing more due; the figures read the census's `end`.
    ended_by_conference = models.DateField(null=True, blank=True)
    category_by_conference = models.CharField(max_length=8, blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["child", "start"], name="cpplan_child_start"),
        )


class CpPlanReview(Sourced):
    """A review of a child protection plan (`CPPreviewDate`)."""

    plan = models.ForeignKey(CpPlan, on_delete=models.CASCADE, related_name="reviews")
    review_date = models.DateField()

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["plan", "review_date"], name="cpreview_plan_date"),
        )
