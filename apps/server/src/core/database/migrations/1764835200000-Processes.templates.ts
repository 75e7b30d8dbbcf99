/**
 * Version 1 of the built-in route maps (SALE, APPROVAL, CONTRACT), frozen as the Processes migration seeds them.
 * Generated once from @crm/process-engine's BUILT_IN_TEMPLATES. Never edit it: a changed map is published as a new
 * version (publishProcessTemplate), and instances that started on version 1 keep running on this one.
 */
// prettier-ignore
export const BUILT_IN_TEMPLATES_V1: ReadonlyArray<{ code: string; name: string; description?: string; [key: string]: unknown }> = [
  {
    "code": "SALE",
    "name": "Sale",
    "description": "From the qualified need to the closing documents: offer, approval, contract, invoice, payment and delivery.",
    "subjectType": "CLIENT_INTEREST",
    "parameters": [
      {
        "name": "interestId",
        "type": "string",
        "required": true,
        "description": "The client interest the sale runs on"
      },
      {
        "name": "managerId",
        "type": "string",
        "required": true,
        "description": "The responsible manager"
      },
      {
        "name": "discountLimitPct",
        "type": "decimal",
        "default": "0",
        "description": "The manager's discount limit, %"
      },
      {
        "name": "contractThresholdAmount",
        "type": "decimal",
        "description": "From this amount a new contract is concluded even with an active one; empty: only without one"
      },
      {
        "name": "directorThreshold",
        "type": "decimal",
        "description": "Above this amount the director approves the contract"
      },
      {
        "name": "maxFollowUps",
        "type": "number",
        "default": 2,
        "description": "Follow-ups with no answer before the sale is lost"
      },
      {
        "name": "approvalMode",
        "type": "string",
        "default": "SEQUENTIAL",
        "description": "Mode of the nested approvals"
      }
    ],
    "points": [
      {
        "id": "START",
        "type": "START",
        "name": "Start",
        "position": {
          "x": 0,
          "y": 200
        }
      },
      {
        "id": "A_QUALIFY",
        "type": "ACTION",
        "name": "Qualify the need: {{subject.title}}",
        "description": "Find out the need and the products, plan the first contact.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "CONFIRMED",
          "NOT_CONFIRMED"
        ],
        "deadlineDays": 1,
        "position": {
          "x": 200,
          "y": 200
        }
      },
      {
        "id": "P_STAGE_OFFER",
        "type": "PROCESSING",
        "name": "Stage: offer",
        "action": "setInterestStage",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "stageOrder": 2
        },
        "position": {
          "x": 400,
          "y": 200
        }
      },
      {
        "id": "A_PREPARE_OFFER",
        "type": "ACTION",
        "name": "Prepare a commercial offer: {{subject.title}}",
        "description": "Create the commercial offer from the interest.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "READY"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 600,
          "y": 200
        }
      },
      {
        "id": "C_NEEDS_APPROVAL",
        "type": "CONDITION",
        "name": "Discount above the manager's limit?",
        "condition": {
          "or": [
            {
              ">": [
                {
                  "var": [
                    "subject.maxDiscountPct",
                    "0"
                  ]
                },
                {
                  "var": "parameters.discountLimitPct"
                }
              ]
            },
            {
              "==": [
                {
                  "var": "subject.nonStandardTerms"
                },
                true
              ]
            }
          ]
        },
        "position": {
          "x": 800,
          "y": 200
        }
      },
      {
        "id": "P_STAGE_APPROVAL",
        "type": "PROCESSING",
        "name": "Stage: offer approval",
        "action": "setInterestStage",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "stageOrder": 3
        },
        "position": {
          "x": 800,
          "y": 60
        }
      },
      {
        "id": "N_APPROVAL",
        "type": "SUBPROCESS",
        "name": "Approval of the offer",
        "templateCode": "APPROVAL",
        "subjectType": "COMMERCIAL_OFFER",
        "subjectId": {
          "var": "subject.offerId"
        },
        "parameters": {
          "initiatorId": {
            "var": "parameters.managerId"
          },
          "mode": {
            "var": "parameters.approvalMode"
          }
        },
        "performers": {
          "approvers": [
            {
              "role": "HEAD_OF_SALES",
              "of": "parameters.managerId"
            }
          ]
        },
        "results": [
          "APPROVED",
          "REJECTED"
        ],
        "position": {
          "x": 1000,
          "y": 60
        }
      },
      {
        "id": "A_SEND_OFFER",
        "type": "ACTION",
        "name": "Send the offer and get the answer: {{subject.title}}",
        "description": "Send the offer to the client and record the client's answer.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "ACCEPTED",
          "CHANGES_REQUESTED",
          "REJECTED",
          "NO_ANSWER"
        ],
        "deadlineDays": 3,
        "position": {
          "x": 1200,
          "y": 200
        }
      },
      {
        "id": "SW_ANSWER",
        "type": "SWITCH",
        "name": "Client's answer",
        "expression": {
          "var": "lastResult"
        },
        "options": [
          "ACCEPTED",
          "CHANGES_REQUESTED",
          "REJECTED",
          "NO_ANSWER"
        ],
        "position": {
          "x": 1400,
          "y": 200
        }
      },
      {
        "id": "C_FOLLOW_UPS_LEFT",
        "type": "CONDITION",
        "name": "Follow-ups left?",
        "condition": {
          "<": [
            {
              "var": [
                "vars.followUps",
                0
              ]
            },
            {
              "var": "parameters.maxFollowUps"
            }
          ]
        },
        "position": {
          "x": 1400,
          "y": 400
        }
      },
      {
        "id": "A_FOLLOW_UP",
        "type": "ACTION",
        "name": "Follow up on the offer: {{subject.title}}",
        "description": "Call the client about the offer (follow-up {{vars.followUps}}) and record the answer.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "ACCEPTED",
          "CHANGES_REQUESTED",
          "REJECTED",
          "NO_ANSWER"
        ],
        "deadlineDays": 1,
        "position": {
          "x": 1200,
          "y": 400
        }
      },
      {
        "id": "P_STAGE_CONTRACT",
        "type": "PROCESSING",
        "name": "Stage: contract and invoice",
        "action": "setInterestStage",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "stageOrder": 4
        },
        "position": {
          "x": 1600,
          "y": 200
        }
      },
      {
        "id": "C_CONTRACT_NEEDED",
        "type": "CONDITION",
        "name": "Contract needed?",
        "condition": {
          "or": [
            {
              "!": {
                "var": "subject.hasActiveContract"
              }
            },
            {
              "and": [
                {
                  "!=": [
                    {
                      "var": "parameters.contractThresholdAmount"
                    },
                    null
                  ]
                },
                {
                  ">=": [
                    {
                      "var": [
                        "subject.amount",
                        "0"
                      ]
                    },
                    {
                      "var": "parameters.contractThresholdAmount"
                    }
                  ]
                }
              ]
            }
          ]
        },
        "position": {
          "x": 1800,
          "y": 200
        }
      },
      {
        "id": "N_CONTRACT",
        "type": "SUBPROCESS",
        "name": "Contract conclusion",
        "templateCode": "CONTRACT",
        "parameters": {
          "managerId": {
            "var": "parameters.managerId"
          },
          "interestId": {
            "var": "parameters.interestId"
          },
          "counterpartyId": {
            "var": "subject.counterpartyId"
          },
          "amount": {
            "var": [
              "subject.amount",
              "0"
            ]
          },
          "directorThreshold": {
            "var": "parameters.directorThreshold"
          },
          "approvalMode": {
            "var": "parameters.approvalMode"
          }
        },
        "results": [
          "SIGNED",
          "NOT_SIGNED"
        ],
        "resultMap": {
          "REFUSED": "NOT_SIGNED",
          "NOT_APPROVED": "NOT_SIGNED"
        },
        "position": {
          "x": 2000,
          "y": 60
        }
      },
      {
        "id": "P_CREATE_INVOICE",
        "type": "PROCESSING",
        "name": "Create the invoice",
        "action": "createInvoice",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "offerId": {
            "var": "subject.offerId"
          }
        },
        "position": {
          "x": 2200,
          "y": 200
        }
      },
      {
        "id": "A_SEND_INVOICE",
        "type": "ACTION",
        "name": "Send the invoice: {{subject.title}}",
        "description": "Check the invoice, set the payment due date and send it to the client.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "SENT"
        ],
        "deadlineDays": 1,
        "position": {
          "x": 2400,
          "y": 200
        }
      },
      {
        "id": "P_STAGE_EXECUTION",
        "type": "PROCESSING",
        "name": "Stage: execution",
        "action": "setInterestStage",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "stageOrder": 5
        },
        "position": {
          "x": 2600,
          "y": 200
        }
      },
      {
        "id": "SP_FULFILMENT",
        "type": "SPLIT",
        "name": "Payment and delivery",
        "position": {
          "x": 2800,
          "y": 200
        }
      },
      {
        "id": "A_PAYMENT",
        "type": "ACTION",
        "name": "Control the payment: {{subject.title}}",
        "description": "Confirm that the invoice is paid in full.",
        "performer": {
          "role": "ACCOUNTANT"
        },
        "results": [
          "PAID",
          "NOT_PAID"
        ],
        "deadlineDays": 5,
        "position": {
          "x": 3000,
          "y": 80
        }
      },
      {
        "id": "A_PAYMENT_REMINDER",
        "type": "ACTION",
        "name": "Remind the client to pay: {{subject.title}}",
        "description": "Call the client about the unpaid invoice and agree a new date.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "DONE"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 3000,
          "y": -60
        }
      },
      {
        "id": "A_DELIVERY",
        "type": "ACTION",
        "name": "Prepare the delivery: {{subject.title}}",
        "description": "Reserve the goods and schedule the delivery or the service.",
        "performer": {
          "role": "WAREHOUSE"
        },
        "results": [
          "READY"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 3000,
          "y": 320
        }
      },
      {
        "id": "M_FULFILMENT",
        "type": "MERGE",
        "name": "Paid and ready",
        "splitId": "SP_FULFILMENT",
        "position": {
          "x": 3200,
          "y": 200
        }
      },
      {
        "id": "A_SHIPMENT",
        "type": "ACTION",
        "name": "Ship: {{subject.title}}",
        "description": "Post the shipment with serial numbers.",
        "performer": {
          "role": "WAREHOUSE"
        },
        "results": [
          "SHIPPED"
        ],
        "deadlineDays": 1,
        "position": {
          "x": 3400,
          "y": 200
        }
      },
      {
        "id": "P_STAGE_CLOSING",
        "type": "PROCESSING",
        "name": "Stage: closing documents",
        "action": "setInterestStage",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "stageOrder": 6
        },
        "position": {
          "x": 3600,
          "y": 200
        }
      },
      {
        "id": "A_CLOSING_DOCUMENTS",
        "type": "ACTION",
        "name": "Send the closing documents: {{subject.title}}",
        "description": "Send the act, the universal transfer document and the VAT invoice.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "SENT"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 3800,
          "y": 200
        }
      },
      {
        "id": "P_WON",
        "type": "PROCESSING",
        "name": "Interest won",
        "action": "markInterestWon",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          }
        },
        "position": {
          "x": 4000,
          "y": 200
        }
      },
      {
        "id": "E_WON",
        "type": "END",
        "name": "Won",
        "result": "WON",
        "position": {
          "x": 4200,
          "y": 200
        }
      },
      {
        "id": "P_LOST",
        "type": "PROCESSING",
        "name": "Interest lost",
        "action": "markInterestLost",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "lossReason": {
            "var": "vars.lossReason"
          }
        },
        "position": {
          "x": 1600,
          "y": 560
        }
      },
      {
        "id": "E_LOST",
        "type": "END",
        "name": "Lost",
        "result": "LOST",
        "output": {
          "lossReason": {
            "var": "vars.lossReason"
          }
        },
        "position": {
          "x": 1800,
          "y": 560
        }
      }
    ],
    "edges": [
      {
        "from": "START",
        "to": "A_QUALIFY"
      },
      {
        "from": "A_QUALIFY",
        "to": "P_STAGE_OFFER",
        "exit": "CONFIRMED"
      },
      {
        "from": "A_QUALIFY",
        "to": "P_LOST",
        "exit": "NOT_CONFIRMED",
        "set": {
          "lossReason": "NEED_NOT_CONFIRMED"
        }
      },
      {
        "from": "P_STAGE_OFFER",
        "to": "A_PREPARE_OFFER"
      },
      {
        "from": "A_PREPARE_OFFER",
        "to": "C_NEEDS_APPROVAL"
      },
      {
        "from": "C_NEEDS_APPROVAL",
        "to": "P_STAGE_APPROVAL",
        "exit": "then"
      },
      {
        "from": "C_NEEDS_APPROVAL",
        "to": "A_SEND_OFFER",
        "exit": "else"
      },
      {
        "from": "P_STAGE_APPROVAL",
        "to": "N_APPROVAL"
      },
      {
        "from": "N_APPROVAL",
        "to": "A_SEND_OFFER",
        "exit": "APPROVED"
      },
      {
        "from": "N_APPROVAL",
        "to": "P_LOST",
        "exit": "REJECTED",
        "set": {
          "lossReason": "APPROVAL_REJECTED"
        }
      },
      {
        "from": "A_SEND_OFFER",
        "to": "SW_ANSWER"
      },
      {
        "from": "SW_ANSWER",
        "to": "P_STAGE_CONTRACT",
        "exit": "ACCEPTED"
      },
      {
        "from": "SW_ANSWER",
        "to": "A_PREPARE_OFFER",
        "exit": "CHANGES_REQUESTED",
        "label": "changes",
        "set": {
          "followUps": 0
        }
      },
      {
        "from": "SW_ANSWER",
        "to": "P_LOST",
        "exit": "REJECTED",
        "set": {
          "lossReason": "OFFER_REJECTED"
        }
      },
      {
        "from": "SW_ANSWER",
        "to": "C_FOLLOW_UPS_LEFT",
        "exit": "NO_ANSWER"
      },
      {
        "from": "SW_ANSWER",
        "to": "A_SEND_OFFER",
        "exit": "default"
      },
      {
        "from": "C_FOLLOW_UPS_LEFT",
        "to": "A_FOLLOW_UP",
        "exit": "then",
        "set": {
          "followUps": {
            "+": [
              {
                "var": [
                  "vars.followUps",
                  0
                ]
              },
              1
            ]
          }
        }
      },
      {
        "from": "C_FOLLOW_UPS_LEFT",
        "to": "P_LOST",
        "exit": "else",
        "set": {
          "lossReason": "NO_RESPONSE"
        }
      },
      {
        "from": "A_FOLLOW_UP",
        "to": "SW_ANSWER"
      },
      {
        "from": "P_STAGE_CONTRACT",
        "to": "C_CONTRACT_NEEDED"
      },
      {
        "from": "C_CONTRACT_NEEDED",
        "to": "N_CONTRACT",
        "exit": "then"
      },
      {
        "from": "C_CONTRACT_NEEDED",
        "to": "P_CREATE_INVOICE",
        "exit": "else"
      },
      {
        "from": "N_CONTRACT",
        "to": "P_CREATE_INVOICE",
        "exit": "SIGNED"
      },
      {
        "from": "N_CONTRACT",
        "to": "P_LOST",
        "exit": "NOT_SIGNED",
        "set": {
          "lossReason": "CONTRACT_NOT_SIGNED"
        }
      },
      {
        "from": "P_CREATE_INVOICE",
        "to": "A_SEND_INVOICE"
      },
      {
        "from": "A_SEND_INVOICE",
        "to": "P_STAGE_EXECUTION"
      },
      {
        "from": "P_STAGE_EXECUTION",
        "to": "SP_FULFILMENT"
      },
      {
        "from": "SP_FULFILMENT",
        "to": "A_PAYMENT",
        "label": "payment"
      },
      {
        "from": "SP_FULFILMENT",
        "to": "A_DELIVERY",
        "label": "delivery"
      },
      {
        "from": "A_PAYMENT",
        "to": "M_FULFILMENT",
        "exit": "PAID"
      },
      {
        "from": "A_PAYMENT",
        "to": "A_PAYMENT_REMINDER",
        "exit": "NOT_PAID"
      },
      {
        "from": "A_PAYMENT_REMINDER",
        "to": "A_PAYMENT"
      },
      {
        "from": "A_DELIVERY",
        "to": "M_FULFILMENT"
      },
      {
        "from": "M_FULFILMENT",
        "to": "A_SHIPMENT"
      },
      {
        "from": "A_SHIPMENT",
        "to": "P_STAGE_CLOSING"
      },
      {
        "from": "P_STAGE_CLOSING",
        "to": "A_CLOSING_DOCUMENTS"
      },
      {
        "from": "A_CLOSING_DOCUMENTS",
        "to": "P_WON"
      },
      {
        "from": "P_WON",
        "to": "E_WON"
      },
      {
        "from": "P_LOST",
        "to": "E_LOST"
      }
    ]
  },
  {
    "code": "APPROVAL",
    "name": "Approval",
    "description": "Sequential or parallel approval of a document, with a rework loop to the initiator.",
    "parameters": [
      {
        "name": "approvers",
        "type": "list",
        "required": true,
        "description": "Who approves, in order: user ids, or assignees such as {\"kind\":\"ROLE\",\"role\":\"LAWYER\",\"ofUserId\":null}"
      },
      {
        "name": "mode",
        "type": "string",
        "default": "SEQUENTIAL",
        "description": "SEQUENTIAL or PARALLEL"
      },
      {
        "name": "initiatorId",
        "type": "string",
        "required": true,
        "description": "Who reworks the document after a rejection"
      },
      {
        "name": "deadlinePerApprover",
        "type": "number",
        "default": 1,
        "description": "Working days each approver has"
      },
      {
        "name": "escalateAfterDays",
        "type": "number",
        "default": 2,
        "description": "Working days after which an open approval task is escalated"
      }
    ],
    "points": [
      {
        "id": "START",
        "type": "START",
        "name": "Start",
        "position": {
          "x": 0,
          "y": 240
        }
      },
      {
        "id": "SW_MODE",
        "type": "SWITCH",
        "name": "Mode",
        "expression": {
          "var": "parameters.mode"
        },
        "options": [
          "SEQUENTIAL",
          "PARALLEL"
        ],
        "position": {
          "x": 220,
          "y": 240
        }
      },
      {
        "id": "A_APPROVE",
        "type": "ACTION",
        "name": "Approve {{subject.title}}",
        "description": "Round {{vars.iteration}}: approve, approve with remarks, or reject.",
        "performer": {
          "parameter": "approvers",
          "index": {
            "var": "vars.i"
          }
        },
        "results": [
          "APPROVED",
          "APPROVED_WITH_REMARKS",
          "REJECTED"
        ],
        "deadlineDays": {
          "var": "parameters.deadlinePerApprover"
        },
        "escalateAfterDays": {
          "var": "parameters.escalateAfterDays"
        },
        "allowRedirect": true,
        "position": {
          "x": 440,
          "y": 120
        }
      },
      {
        "id": "C_SEQUENCE_DONE",
        "type": "CONDITION",
        "name": "Rejected or last approver?",
        "condition": {
          "or": [
            {
              "var": "vars.rejected"
            },
            {
              ">=": [
                {
                  "var": "vars.i"
                },
                {
                  "var": "parameters.approvers.length"
                }
              ]
            }
          ]
        },
        "position": {
          "x": 660,
          "y": 120
        }
      },
      {
        "id": "SP_APPROVERS",
        "type": "SPLIT",
        "name": "To every approver",
        "forEach": {
          "var": "parameters.approvers"
        },
        "position": {
          "x": 440,
          "y": 360
        }
      },
      {
        "id": "A_APPROVE_PARALLEL",
        "type": "ACTION",
        "name": "Approve {{subject.title}}",
        "description": "Round {{vars.iteration}}: approve, approve with remarks, or reject.",
        "performer": {
          "parameter": "approvers"
        },
        "results": [
          "APPROVED",
          "APPROVED_WITH_REMARKS",
          "REJECTED"
        ],
        "deadlineDays": {
          "var": "parameters.deadlinePerApprover"
        },
        "escalateAfterDays": {
          "var": "parameters.escalateAfterDays"
        },
        "allowRedirect": true,
        "position": {
          "x": 660,
          "y": 360
        }
      },
      {
        "id": "M_APPROVERS",
        "type": "MERGE",
        "name": "All answered",
        "splitId": "SP_APPROVERS",
        "position": {
          "x": 880,
          "y": 360
        }
      },
      {
        "id": "C_APPROVED",
        "type": "CONDITION",
        "name": "Approved by all?",
        "condition": {
          "!": {
            "var": "vars.rejected"
          }
        },
        "position": {
          "x": 1100,
          "y": 240
        }
      },
      {
        "id": "A_REWORK",
        "type": "ACTION",
        "name": "Rework {{subject.title}}",
        "description": "The document was rejected: rework it and resubmit, or withdraw it.",
        "performer": {
          "parameter": "initiatorId"
        },
        "results": [
          "RESUBMIT",
          "WITHDRAW"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 1100,
          "y": 480
        }
      },
      {
        "id": "E_APPROVED",
        "type": "END",
        "name": "Approved",
        "result": "APPROVED",
        "output": {
          "withRemarks": {
            "var": "vars.withRemarks"
          },
          "iterations": {
            "var": "vars.iteration"
          }
        },
        "position": {
          "x": 1320,
          "y": 240
        }
      },
      {
        "id": "E_REJECTED",
        "type": "END",
        "name": "Rejected",
        "result": "REJECTED",
        "output": {
          "iterations": {
            "var": "vars.iteration"
          }
        },
        "position": {
          "x": 1320,
          "y": 480
        }
      }
    ],
    "edges": [
      {
        "from": "START",
        "to": "SW_MODE",
        "set": {
          "i": 0,
          "rejected": false,
          "withRemarks": false,
          "iteration": {
            "+": [
              {
                "var": [
                  "vars.iteration",
                  0
                ]
              },
              1
            ]
          }
        }
      },
      {
        "from": "SW_MODE",
        "to": "A_APPROVE",
        "exit": "SEQUENTIAL",
        "label": "one by one"
      },
      {
        "from": "SW_MODE",
        "to": "SP_APPROVERS",
        "exit": "PARALLEL",
        "label": "all at once"
      },
      {
        "from": "SW_MODE",
        "to": "A_APPROVE",
        "exit": "default"
      },
      {
        "from": "A_APPROVE",
        "to": "C_SEQUENCE_DONE",
        "set": {
          "rejected": {
            "or": [
              {
                "var": [
                  "vars.rejected",
                  false
                ]
              },
              {
                "==": [
                  {
                    "var": "lastResult"
                  },
                  "REJECTED"
                ]
              }
            ]
          },
          "withRemarks": {
            "or": [
              {
                "var": [
                  "vars.withRemarks",
                  false
                ]
              },
              {
                "==": [
                  {
                    "var": "lastResult"
                  },
                  "APPROVED_WITH_REMARKS"
                ]
              }
            ]
          },
          "i": {
            "+": [
              {
                "var": "vars.i"
              },
              1
            ]
          }
        }
      },
      {
        "from": "C_SEQUENCE_DONE",
        "to": "C_APPROVED",
        "exit": "then"
      },
      {
        "from": "C_SEQUENCE_DONE",
        "to": "A_APPROVE",
        "exit": "else",
        "label": "next approver"
      },
      {
        "from": "SP_APPROVERS",
        "to": "A_APPROVE_PARALLEL"
      },
      {
        "from": "A_APPROVE_PARALLEL",
        "to": "M_APPROVERS",
        "set": {
          "rejected": {
            "or": [
              {
                "var": [
                  "vars.rejected",
                  false
                ]
              },
              {
                "==": [
                  {
                    "var": "lastResult"
                  },
                  "REJECTED"
                ]
              }
            ]
          },
          "withRemarks": {
            "or": [
              {
                "var": [
                  "vars.withRemarks",
                  false
                ]
              },
              {
                "==": [
                  {
                    "var": "lastResult"
                  },
                  "APPROVED_WITH_REMARKS"
                ]
              }
            ]
          }
        }
      },
      {
        "from": "M_APPROVERS",
        "to": "C_APPROVED"
      },
      {
        "from": "C_APPROVED",
        "to": "E_APPROVED",
        "exit": "then"
      },
      {
        "from": "C_APPROVED",
        "to": "A_REWORK",
        "exit": "else",
        "label": "rejected"
      },
      {
        "from": "A_REWORK",
        "to": "SW_MODE",
        "exit": "RESUBMIT",
        "label": "new round",
        "set": {
          "i": 0,
          "rejected": false,
          "withRemarks": false,
          "iteration": {
            "+": [
              {
                "var": [
                  "vars.iteration",
                  0
                ]
              },
              1
            ]
          }
        }
      },
      {
        "from": "A_REWORK",
        "to": "E_REJECTED",
        "exit": "WITHDRAW"
      }
    ]
  },
  {
    "code": "CONTRACT",
    "name": "Contract conclusion",
    "description": "Draft, approve, sign and register a contract with the client.",
    "subjectType": "CLIENT_INTEREST",
    "parameters": [
      {
        "name": "managerId",
        "type": "string",
        "required": true,
        "description": "The responsible manager"
      },
      {
        "name": "interestId",
        "type": "string",
        "description": "The client interest the contract is for"
      },
      {
        "name": "counterpartyId",
        "type": "string",
        "description": "The client"
      },
      {
        "name": "amount",
        "type": "decimal",
        "default": "0",
        "description": "Contract amount"
      },
      {
        "name": "directorThreshold",
        "type": "decimal",
        "description": "Above this amount the director approves too"
      },
      {
        "name": "approvalMode",
        "type": "string",
        "default": "SEQUENTIAL",
        "description": "How the lawyer and the director approve"
      }
    ],
    "points": [
      {
        "id": "START",
        "type": "START",
        "name": "Start",
        "position": {
          "x": 0,
          "y": 240
        }
      },
      {
        "id": "P_CREATE_DRAFT",
        "type": "PROCESSING",
        "name": "Create the contract draft",
        "action": "createContractDraft",
        "args": {
          "interestId": {
            "var": "parameters.interestId"
          },
          "counterpartyId": {
            "var": "parameters.counterpartyId"
          },
          "amount": {
            "var": "parameters.amount"
          }
        },
        "position": {
          "x": 200,
          "y": 240
        }
      },
      {
        "id": "A_DRAFT",
        "type": "ACTION",
        "name": "Prepare the draft contract",
        "description": "Fill in the terms and attach the draft.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "READY"
        ],
        "deadlineDays": 1,
        "position": {
          "x": 400,
          "y": 240
        }
      },
      {
        "id": "C_ABOVE_THRESHOLD",
        "type": "CONDITION",
        "name": "Amount above the director threshold?",
        "condition": {
          "and": [
            {
              "!=": [
                {
                  "var": "parameters.directorThreshold"
                },
                null
              ]
            },
            {
              ">": [
                {
                  "var": "parameters.amount"
                },
                {
                  "var": "parameters.directorThreshold"
                }
              ]
            }
          ]
        },
        "position": {
          "x": 600,
          "y": 240
        }
      },
      {
        "id": "N_APPROVAL_LAWYER",
        "type": "SUBPROCESS",
        "name": "Approval by the lawyer",
        "templateCode": "APPROVAL",
        "subjectType": "CONTRACT",
        "subjectId": {
          "var": "results.P_CREATE_DRAFT.output.contractId"
        },
        "parameters": {
          "initiatorId": {
            "var": "parameters.managerId"
          },
          "mode": "SEQUENTIAL"
        },
        "performers": {
          "approvers": [
            {
              "role": "LAWYER"
            }
          ]
        },
        "results": [
          "APPROVED",
          "REJECTED"
        ],
        "position": {
          "x": 800,
          "y": 160
        }
      },
      {
        "id": "N_APPROVAL_DIRECTOR",
        "type": "SUBPROCESS",
        "name": "Approval by the lawyer and the director",
        "templateCode": "APPROVAL",
        "subjectType": "CONTRACT",
        "subjectId": {
          "var": "results.P_CREATE_DRAFT.output.contractId"
        },
        "parameters": {
          "initiatorId": {
            "var": "parameters.managerId"
          },
          "mode": {
            "var": "parameters.approvalMode"
          }
        },
        "performers": {
          "approvers": [
            {
              "role": "LAWYER"
            },
            {
              "role": "DIRECTOR"
            }
          ]
        },
        "results": [
          "APPROVED",
          "REJECTED"
        ],
        "position": {
          "x": 800,
          "y": 320
        }
      },
      {
        "id": "A_SEND_FOR_SIGNATURE",
        "type": "ACTION",
        "name": "Send the contract for signature",
        "description": "Send the approved contract to the client and record the client's answer.",
        "performer": {
          "parameter": "managerId"
        },
        "results": [
          "SIGNED",
          "DISAGREEMENT_PROTOCOL",
          "REFUSED",
          "NO_ANSWER"
        ],
        "deadlineDays": 3,
        "position": {
          "x": 1000,
          "y": 240
        }
      },
      {
        "id": "SW_CLIENT_ANSWER",
        "type": "SWITCH",
        "name": "Client's answer",
        "expression": {
          "var": "lastResult"
        },
        "options": [
          "SIGNED",
          "DISAGREEMENT_PROTOCOL",
          "REFUSED",
          "NO_ANSWER"
        ],
        "position": {
          "x": 1200,
          "y": 240
        }
      },
      {
        "id": "A_REGISTER",
        "type": "ACTION",
        "name": "Register the signed contract",
        "description": "The original is received: register it and attach the scan.",
        "performer": {
          "role": "LAWYER"
        },
        "results": [
          "REGISTERED"
        ],
        "deadlineDays": 2,
        "position": {
          "x": 1400,
          "y": 160
        }
      },
      {
        "id": "P_ACTIVATE",
        "type": "PROCESSING",
        "name": "Activate the contract",
        "action": "activateContract",
        "args": {
          "contractId": {
            "var": "results.P_CREATE_DRAFT.output.contractId"
          }
        },
        "position": {
          "x": 1600,
          "y": 160
        }
      },
      {
        "id": "E_SIGNED",
        "type": "END",
        "name": "Signed",
        "result": "SIGNED",
        "output": {
          "contractId": {
            "var": "results.P_CREATE_DRAFT.output.contractId"
          }
        },
        "position": {
          "x": 1800,
          "y": 160
        }
      },
      {
        "id": "E_REFUSED",
        "type": "END",
        "name": "Refused by the client",
        "result": "REFUSED",
        "output": {
          "contractId": {
            "var": "results.P_CREATE_DRAFT.output.contractId"
          }
        },
        "position": {
          "x": 1400,
          "y": 400
        }
      },
      {
        "id": "E_NOT_APPROVED",
        "type": "END",
        "name": "Not approved",
        "result": "NOT_APPROVED",
        "output": {
          "contractId": {
            "var": "results.P_CREATE_DRAFT.output.contractId"
          }
        },
        "position": {
          "x": 1000,
          "y": 440
        }
      }
    ],
    "edges": [
      {
        "from": "START",
        "to": "P_CREATE_DRAFT"
      },
      {
        "from": "P_CREATE_DRAFT",
        "to": "A_DRAFT"
      },
      {
        "from": "A_DRAFT",
        "to": "C_ABOVE_THRESHOLD"
      },
      {
        "from": "C_ABOVE_THRESHOLD",
        "to": "N_APPROVAL_DIRECTOR",
        "exit": "then"
      },
      {
        "from": "C_ABOVE_THRESHOLD",
        "to": "N_APPROVAL_LAWYER",
        "exit": "else"
      },
      {
        "from": "N_APPROVAL_LAWYER",
        "to": "A_SEND_FOR_SIGNATURE",
        "exit": "APPROVED"
      },
      {
        "from": "N_APPROVAL_LAWYER",
        "to": "E_NOT_APPROVED",
        "exit": "REJECTED"
      },
      {
        "from": "N_APPROVAL_DIRECTOR",
        "to": "A_SEND_FOR_SIGNATURE",
        "exit": "APPROVED"
      },
      {
        "from": "N_APPROVAL_DIRECTOR",
        "to": "E_NOT_APPROVED",
        "exit": "REJECTED"
      },
      {
        "from": "A_SEND_FOR_SIGNATURE",
        "to": "SW_CLIENT_ANSWER"
      },
      {
        "from": "SW_CLIENT_ANSWER",
        "to": "A_REGISTER",
        "exit": "SIGNED"
      },
      {
        "from": "SW_CLIENT_ANSWER",
        "to": "A_DRAFT",
        "exit": "DISAGREEMENT_PROTOCOL",
        "label": "protocol of disagreement"
      },
      {
        "from": "SW_CLIENT_ANSWER",
        "to": "E_REFUSED",
        "exit": "REFUSED"
      },
      {
        "from": "SW_CLIENT_ANSWER",
        "to": "A_SEND_FOR_SIGNATURE",
        "exit": "NO_ANSWER",
        "label": "follow up"
      },
      {
        "from": "SW_CLIENT_ANSWER",
        "to": "A_SEND_FOR_SIGNATURE",
        "exit": "default"
      },
      {
        "from": "A_REGISTER",
        "to": "P_ACTIVATE"
      },
      {
        "from": "P_ACTIVATE",
        "to": "E_SIGNED"
      }
    ]
  }
];
