trigger ConformanceLeadTrigger on Lead(
    before insert,
    after insert,
    before update,
    after update,
    before delete,
    after delete
) {
    if (!ConformanceTriggerState.enabled) {
        return;
    }
    ConformanceTriggerState.events.add(String.valueOf(Trigger.operationType));
    if (Trigger.isBefore && Trigger.isInsert) {
        for (Lead l : Trigger.new) {
            if (l.Company == 'Reject') {
                l.addError('Company is not allowed');
            }
            l.FirstName = 'Set-By-Trigger';
        }
    }
    if (Trigger.isAfter && Trigger.isUpdate) {
        for (Lead l : Trigger.new) {
            Lead old = Trigger.oldMap.get(l.Id);
            if (old.LastName != l.LastName) {
                ConformanceTriggerState.events.add('renamed ' + old.LastName + ' to ' + l.LastName);
            }
        }
    }
}
