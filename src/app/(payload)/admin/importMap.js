import { ReviewBanner as ReviewBanner_477c14c1dfd467827d389cfc87bf159e } from '../../../../collections/Articles/components/ReviewBanner'
import { WorkflowStatusCell as WorkflowStatusCell_163562df271efad82d9e8a3f01655009 } from '../../../../collections/Articles/components/WorkflowStatusCell'
import { FallbackTitleCell as FallbackTitleCell_95058ca5b76da5265c20ea57c25a000c } from '../../../../src/components/locale/FallbackTitleCell'
import { FieldFindings as FieldFindings_b006c637148905d481c522ad5ec8e653 } from '../../../../src/privacy/components/FieldFindings'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { NoDiff as NoDiff_2df5fe44b464da8f6b0f4b812deaa484 } from '../../../../src/components/admin/NoDiff'
import { FindingsList as FindingsList_d2ec71f59ff24a373fe32f6ee95d6146 } from '../../../../src/checks/components/FindingsList'
import { FindingRowLabel as FindingRowLabel_72d2653061615f06566d52d1d026fb14 } from '../../../../src/checks/components/FindingRowLabel'
import { OverviewComponent as OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaTitleComponent as MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaDescriptionComponent as MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { MetaImageComponent as MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { PreviewComponent as PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860 } from '@payloadcms/plugin-seo/client'
import { DueForReview as DueForReview_53926b46d57b3c00c63d175a8e22cf8e } from '../../../../src/review/components/DueForReview'
import { ImportArticles as ImportArticles_8000c9b9bfad0979ff862a384319b492 } from '../../../../src/import/components/ImportArticles'
import { WorkflowActions as WorkflowActions_88033a9eba721f15f517642d28636a9b } from '../../../../collections/Articles/components/WorkflowActions'
import { PreviewOnSite as PreviewOnSite_92065e9f48c1e35ada9731c38cdc916f } from '../../../../src/components/admin/PreviewOnSite'
import { SigningSecret as SigningSecret_db3dc40e6e0795eab8faa11b96a712c9 } from '../../../../src/webhooks/components/SigningSecret'
import { EndpointActions as EndpointActions_5afeb741be1a670d65f5610d6392ca5b } from '../../../../src/webhooks/components/EndpointActions'
import { RebuildNowButton as RebuildNowButton_0d8dea36a6f8fd1dde2e2ae83a9e847c } from '../../../../src/webhooks/components/RebuildNowButton'
import { RedeliverButton as RedeliverButton_562550964bbc42798576bdfd26a94e1e } from '../../../../src/webhooks/components/RedeliverButton'
import { LocaleBanner as LocaleBanner_c31e0d3952d2439662ebc0f309f76663 } from '../../../../src/components/locale/LocaleBanner'
import { Icon as Icon_b04c0db8d89d68ff5dd20d513b3034b9 } from '../../../../src/components/admin/Icon'
import { Logo as Logo_4522c7900ab0b0df414ce3e1574aaee4 } from '../../../../src/components/admin/Logo'
import { ReviewQueue as ReviewQueue_32edbcc2ecf375b2c083351db70d7702 } from '../../../../src/review/components/ReviewQueue'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/collections/Articles/components/ReviewBanner#ReviewBanner": ReviewBanner_477c14c1dfd467827d389cfc87bf159e,
  "/collections/Articles/components/WorkflowStatusCell#WorkflowStatusCell": WorkflowStatusCell_163562df271efad82d9e8a3f01655009,
  "/src/components/locale/FallbackTitleCell#FallbackTitleCell": FallbackTitleCell_95058ca5b76da5265c20ea57c25a000c,
  "/src/privacy/components/FieldFindings#FieldFindings": FieldFindings_b006c637148905d481c522ad5ec8e653,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/src/components/admin/NoDiff#NoDiff": NoDiff_2df5fe44b464da8f6b0f4b812deaa484,
  "/src/checks/components/FindingsList#FindingsList": FindingsList_d2ec71f59ff24a373fe32f6ee95d6146,
  "/src/checks/components/FindingRowLabel#FindingRowLabel": FindingRowLabel_72d2653061615f06566d52d1d026fb14,
  "@payloadcms/plugin-seo/client#OverviewComponent": OverviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaTitleComponent": MetaTitleComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaDescriptionComponent": MetaDescriptionComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#MetaImageComponent": MetaImageComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "@payloadcms/plugin-seo/client#PreviewComponent": PreviewComponent_a8a977ebc872c5d5ea7ee689724c0860,
  "/src/review/components/DueForReview#DueForReview": DueForReview_53926b46d57b3c00c63d175a8e22cf8e,
  "/src/import/components/ImportArticles#ImportArticles": ImportArticles_8000c9b9bfad0979ff862a384319b492,
  "/collections/Articles/components/WorkflowActions#WorkflowActions": WorkflowActions_88033a9eba721f15f517642d28636a9b,
  "/src/components/admin/PreviewOnSite#PreviewOnSite": PreviewOnSite_92065e9f48c1e35ada9731c38cdc916f,
  "/src/webhooks/components/SigningSecret#SigningSecret": SigningSecret_db3dc40e6e0795eab8faa11b96a712c9,
  "/src/webhooks/components/EndpointActions#EndpointActions": EndpointActions_5afeb741be1a670d65f5610d6392ca5b,
  "/src/webhooks/components/RebuildNowButton#RebuildNowButton": RebuildNowButton_0d8dea36a6f8fd1dde2e2ae83a9e847c,
  "/src/webhooks/components/RedeliverButton#RedeliverButton": RedeliverButton_562550964bbc42798576bdfd26a94e1e,
  "/src/components/locale/LocaleBanner#LocaleBanner": LocaleBanner_c31e0d3952d2439662ebc0f309f76663,
  "/src/components/admin/Icon#Icon": Icon_b04c0db8d89d68ff5dd20d513b3034b9,
  "/src/components/admin/Logo#Logo": Logo_4522c7900ab0b0df414ce3e1574aaee4,
  "/src/review/components/ReviewQueue#ReviewQueue": ReviewQueue_32edbcc2ecf375b2c083351db70d7702,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
