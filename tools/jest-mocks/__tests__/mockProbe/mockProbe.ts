import { LightningElement, api, wire } from "lwc";
import { ShowToastEvent } from "lightning/platformShowToastEvent";
import { CloseActionScreenEvent } from "lightning/actions";
import { RefreshEvent } from "lightning/refresh";
import { NavigationMixin } from "lightning/navigation";
import { getRecord, getFieldValue, type RecordRepresentation, type WireResult } from "lightning/uiRecordApi";
import { getObjectInfo, type ObjectInfo } from "lightning/uiObjectInfoApi";

/** Uses every mocked platform module the way a Tandem component would. */
export default class MockProbe extends NavigationMixin(LightningElement) {
  @api recordId?: string;

  @wire(getRecord, { recordId: "$recordId", fields: ["Account.Name"] })
  record?: WireResult<RecordRepresentation>;

  @wire(getObjectInfo, { objectApiName: "Account" })
  objectInfo?: WireResult<ObjectInfo>;

  get name(): string {
    const value = getFieldValue(this.record?.data, "Account.Name");
    return typeof value === "string" ? value : "";
  }

  get objectLabel(): string {
    return this.objectInfo?.data?.label ?? "";
  }

  @api
  finish(): void {
    this.dispatchEvent(new ShowToastEvent({ title: "Synced", message: "Done", variant: "success" }));
    this.dispatchEvent(new RefreshEvent());
    this.dispatchEvent(new CloseActionScreenEvent());
    this[NavigationMixin.Navigate]({
      type: "standard__recordPage",
      attributes: { recordId: this.recordId ?? "", actionName: "view" },
    });
  }
}
